// Runs inside the measured page (as an init script, before any of its own scripts): it must stay self-contained.

export interface PageProbeOptions {
    /** The message control is the one whose <label> text starts with this. */
    messageLabel: string
    /** The heading of the live request preview, whose DOM may change while typing. */
    previewHeading: string
}

export interface KeySample {
    /** event.timeStamp of the keydown: when the browser received the key. */
    eventTime: number
    /** When the first keydown listener ran (the page's main thread was free). */
    handlerTime: number
    /** After the next frame was painted: a task posted from the following requestAnimationFrame. */
    paintTime: number | undefined
}

export interface TypingReport {
    keys: KeySample[]
    /** Longest Event Timing duration of each key interaction that reached the 16 ms reporting floor. */
    eventDurations: number[]
    /** DOM mutations outside the message field and the request preview. */
    mutationsOutside: number
    mutationSamples: string[]
}

export interface ResourceSample {
    url: string
    startTime: number
}

export interface BenchProbe {
    /** performance.now() when the message control was first present, enabled and focused. */
    foundAt: number | undefined
    /** performance.now() of each input event on the message control. */
    inputTimes: number[]
    /** event.timeStamp of each click. */
    clickTimes: number[]
    /** Resolves true once `count` input events reached the message control, false after `timeoutMs`. */
    waitForInputs: (count: number, timeoutMs: number) => Promise<boolean>
    messageValue: () => string | undefined
    focusMessage: () => boolean
    startTyping: () => void
    waitForKey: (index: number) => Promise<KeySample>
    stopTyping: () => TypingReport
    resources: () => ResourceSample[]
    idle: () => Promise<void>
    calibrate: () => number
}

declare global {
    interface Window {
        __bench?: BenchProbe
        /** A CDP binding (Runtime.addBinding): 'found', then 'key:<index>' after each typed key's paint. */
        __benchSignal?: (payload: string) => void
    }
}

/** Serialised into the page by pageProbeScript; uses nothing from its module scope. */
export function installPageProbe(options: PageProbeOptions): void {
    performance.setResourceTimingBufferSize(5000)
    const findMessage = (): HTMLTextAreaElement | HTMLInputElement | null => {
        for (const label of document.querySelectorAll('label')) {
            if (!label.textContent.trim().startsWith(options.messageLabel)) continue
            const control = label.control
            if (control instanceof HTMLTextAreaElement || control instanceof HTMLInputElement) return control
        }
        return null
    }
    const isUsable = (control: HTMLTextAreaElement | HTMLInputElement | null): boolean =>
        control !== null && control.isConnected && control.matches(':enabled') && !control.readOnly
    // the smallest element holding both the label and the control: the whole field
    const messageField = (control: HTMLTextAreaElement | HTMLInputElement): Element => {
        const label = control.labels?.[0]
        let node: Element | null = control
        while (label && node && !node.contains(label)) node = node.parentElement
        return node ?? control
    }
    const findPreview = (): Element | null => {
        for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
            if (heading.textContent.trim() === options.previewHeading) {
                return heading.closest('aside, section') ?? heading.parentElement
            }
        }
        return null
    }

    // cached, so the input listener does no DOM query while keys are being timed
    let message: Element | null = null
    let typing = false
    const keys: KeySample[] = []
    const waiters: { index: number; resolve: (sample: KeySample) => void }[] = []
    const inputWaiters: { count: number; resolve: (reached: boolean) => void }[] = []
    const eventEntries: { interactionId: number; duration: number; startTime: number }[] = []
    let typingStart = 0
    let mutationsOutside = 0
    const mutationSamples: string[] = []
    let mutationObserver: MutationObserver | undefined

    const recordEvent = (entry: PerformanceEntry): void => {
        if (!typing || !('interactionId' in entry) || typeof entry.interactionId !== 'number') return
        if (entry.interactionId === 0) return
        eventEntries.push({ interactionId: entry.interactionId, duration: entry.duration, startTime: entry.startTime })
    }
    const eventObserver = new PerformanceObserver((list) => {
        list.getEntries().forEach(recordEvent)
    })
    // Event Timing's lowest reporting threshold; TypeScript's DOM types do not know the option yet
    const eventOptions: PerformanceObserverInit & { durationThreshold: number } = {
        type: 'event',
        durationThreshold: 16,
    }
    eventObserver.observe(eventOptions)

    const probe: BenchProbe = {
        foundAt: undefined,
        inputTimes: [],
        clickTimes: [],
        waitForInputs: (count, timeoutMs) =>
            new Promise((resolve) => {
                if (probe.inputTimes.length >= count) {
                    resolve(true)
                    return
                }
                inputWaiters.push({ count, resolve })
                setTimeout(() => {
                    resolve(false)
                }, timeoutMs)
            }),
        messageValue: () => findMessage()?.value,
        focusMessage: () => {
            const control = findMessage()
            if (!control || !isUsable(control)) return false
            message = control
            control.focus()
            const end = control.value.length
            control.setSelectionRange(end, end)
            return document.activeElement === control
        },
        startTyping: () => {
            const control = findMessage()
            const field = control ? messageField(control) : null
            const preview = findPreview()
            mutationsOutside = 0
            mutationSamples.length = 0
            const isInside = (node: Node): boolean =>
                (field?.contains(node) ?? false) || (preview?.contains(node) ?? false)
            mutationObserver = new MutationObserver((records) => {
                for (const record of records) {
                    if (isInside(record.target)) continue
                    mutationsOutside += 1
                    if (mutationSamples.length < 8) {
                        const element = record.target instanceof Element ? record.target : record.target.parentElement
                        const where = element
                            ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
                                  element.className && typeof element.className === 'string'
                                      ? `.${element.className.split(' ').join('.')}`
                                      : ''
                              }`
                            : '?'
                        mutationSamples.push(
                            `${record.type}${record.attributeName ? ` ${record.attributeName}` : ''} on ${where}`
                        )
                    }
                }
            })
            mutationObserver.observe(document, {
                subtree: true,
                childList: true,
                attributes: true,
                characterData: true,
            })
            keys.length = 0
            eventEntries.length = 0
            typingStart = performance.now()
            typing = true
        },
        waitForKey: (index) =>
            new Promise((resolve) => {
                const sample = keys[index]
                if (sample?.paintTime !== undefined) resolve(sample)
                else waiters.push({ index, resolve })
            }),
        stopTyping: () => {
            typing = false
            eventObserver.takeRecords().forEach(recordEvent)
            if (mutationObserver) {
                const pending = mutationObserver.takeRecords()
                mutationObserver.disconnect()
                mutationsOutside += pending.length
            }
            const longest = new Map<number, number>()
            for (const entry of eventEntries) {
                if (entry.startTime < typingStart) continue
                longest.set(entry.interactionId, Math.max(longest.get(entry.interactionId) ?? 0, entry.duration))
            }
            return {
                keys: [...keys],
                eventDurations: [...longest.values()],
                mutationsOutside,
                mutationSamples: [...mutationSamples],
            }
        },
        resources: () =>
            performance.getEntriesByType('resource').map((entry) => ({ url: entry.name, startTime: entry.startTime })),
        idle: () =>
            new Promise((resolve) => {
                requestIdleCallback(
                    () => {
                        resolve()
                    },
                    { timeout: 5000 }
                )
            }),
        calibrate: () => {
            const start = performance.now()
            let value = 0
            for (let index = 0; index < 3_000_000; index += 1) value = (value + index * 7) % 1_000_003
            // uses the result, so the loop cannot be optimised away
            if (value < 0) throw new Error('unreachable')
            return performance.now() - start
        },
    }
    window.__bench = probe

    // ready to type: the first moment the message control exists, is enabled, and has the focus
    const check = (): void => {
        if (probe.foundAt !== undefined) return
        const control = findMessage()
        if (!isUsable(control) || !control) return
        message = control
        control.focus()
        probe.foundAt = performance.now()
        readyObserver.disconnect()
        window.__benchSignal?.('found')
    }
    const readyObserver = new MutationObserver(check)
    readyObserver.observe(document, { subtree: true, childList: true, attributes: true })

    window.addEventListener(
        'input',
        (event) => {
            if (event.target !== null && event.target === message) {
                probe.inputTimes.push(performance.now())
                for (const waiter of inputWaiters) {
                    if (probe.inputTimes.length >= waiter.count) waiter.resolve(true)
                }
            }
        },
        true
    )
    window.addEventListener(
        'click',
        (event) => {
            probe.clickTimes.push(event.timeStamp)
        },
        true
    )
    window.addEventListener(
        'keydown',
        (event) => {
            if (!typing) return
            const sample: KeySample = {
                eventTime: event.timeStamp,
                handlerTime: performance.now(),
                paintTime: undefined,
            }
            const index = keys.push(sample) - 1
            requestAnimationFrame(() => {
                // a task queued from rAF runs after that frame has been painted
                const channel = new MessageChannel()
                channel.port1.onmessage = () => {
                    sample.paintTime = performance.now()
                    channel.port1.close()
                    window.__benchSignal?.(`key:${index}`)
                    for (let at = waiters.length - 1; at >= 0; at -= 1) {
                        const waiter = waiters[at]
                        if (waiter?.index === index) {
                            waiters.splice(at, 1)
                            waiter.resolve(sample)
                        }
                    }
                }
                channel.port2.postMessage(null)
            })
        },
        true
    )
}

/** The init script: tsx (esbuild keepNames) wraps inner functions in __name(), which the page lacks. */
export function pageProbeScript(options: PageProbeOptions): string {
    return `globalThis.__name ??= (fn) => fn;(${installPageProbe.toString()})(${JSON.stringify(options)});`
}
