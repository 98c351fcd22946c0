import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test'

import { whenQuiet, withTimeout } from './waitFor.ts'
import { pageProbeScript, type KeySample, type ResourceSample } from './installPageProbe.ts'
import { reactCommitProbeScript, type RenderReport } from './installReactCommitProbe.ts'
import { SignalQueue } from './SignalQueue.ts'
import { toKeyEvents } from './toKeyEvents.ts'

export const MESSAGE_LABEL = 'Pending user message'
const PREVIEW_HEADING = 'Request preview'
const RUN_REQUEST = /\/tasks\/[^/]+\/run\/$/
// no request in flight for this long counts as settled (after load, after connecting, before submitting)
const QUIET_MS = 300
const STEP_TIMEOUT_MS = 30_000
const SIGNAL_BINDING = '__benchSignal'

export interface PageTarget {
    name: 'app' | 'reference'
    url: string
    /** Makes the form submittable (connects, picks a model); not measured. */
    prepareSubmit: (page: Page) => Promise<void>
}

export interface RoundSettings {
    cpuRate: number
    /** Goes into the message after load: typed key by key when measureTyping, else inserted at once (a paste). */
    text: string
    measureTyping: boolean
    submit: boolean
    /** Count React renders while typing (adds a DevTools hook, so no timings are taken from such a round). */
    renderCheck: boolean
    /** Further loads of the page that only measure ready to type: the noisiest figure gets more samples. */
    extraReadyLoads: number
}

export interface RoundResult {
    target: PageTarget['name']
    cpuRate: number
    /** Navigation start → the first typed character that stays in the message control. */
    readyMs: number
    readyAttempts: number
    /** The same from the round's extra loads (settings.extraReadyLoads). */
    extraReadyMs: number[]
    heapUsedBytes: number
    typing:
        | {
              keys: KeySample[]
              eventDurations: number[]
              mutationsOutside: number
              mutationSamples: string[]
          }
        | undefined
    renders: RenderReport | undefined
    /** CDP Network.requestWillBeSent of the POST …/run/ minus the click's event time. */
    submitMs: number | undefined
    /** The same from inside the page: the request's Resource Timing startTime minus the click. */
    submitInPageMs: number | undefined
    pageOrigin: string
    resources: ResourceSample[]
    /** A fixed busy loop, to confirm the CPU throttle applied. */
    calibrationMs: number
    /** Wall time of the whole round and of its typing part, for the harness's own budget. */
    wallMs: { round: number; typing: number }
}

interface SentRequest {
    requestId: string
    url: string
    wallTime: number
}

/** Tracks the page's requests from the browser side, so waiting for quiet needs nothing injected into the page. */
class NetworkWatch {
    private readonly inFlight = new Set<string>()
    private readonly listeners = new Set<() => void>()
    readonly runRequests: SentRequest[] = []
    readonly finished = new Set<string>()

    constructor(cdp: CDPSession) {
        cdp.on('Network.requestWillBeSent', (event) => {
            if (event.request.url.startsWith('data:')) return
            this.inFlight.add(event.requestId)
            if (event.request.method === 'POST' && RUN_REQUEST.test(new URL(event.request.url).pathname)) {
                this.runRequests.push({ requestId: event.requestId, url: event.request.url, wallTime: event.wallTime })
            }
            this.changed()
        })
        const done = (event: { requestId: string }): void => {
            this.inFlight.delete(event.requestId)
            this.finished.add(event.requestId)
            this.changed()
        }
        cdp.on('Network.loadingFinished', done)
        cdp.on('Network.loadingFailed', done)
    }

    private changed(): void {
        for (const listener of this.listeners) listener()
    }

    /** Resolves once no request has been in flight for quietMs. */
    quiet(quietMs = QUIET_MS): Promise<void> {
        return whenQuiet(this.listeners, () => this.inFlight.size > 0, quietMs, STEP_TIMEOUT_MS)
    }

    /** The next run request sent after `seen` others, once it has finished loading. */
    runRequest(seen: number): Promise<SentRequest> {
        return withTimeout(
            new Promise<SentRequest>((resolve) => {
                const check = (): void => {
                    const request = this.runRequests[seen]
                    if (request && this.finished.has(request.requestId)) {
                        this.listeners.delete(check)
                        resolve(request)
                    }
                }
                this.listeners.add(check)
                check()
            }),
            STEP_TIMEOUT_MS,
            'the run request never left (is the form connected, with a task and a model?)'
        )
    }
}

/** Messages the page probe sends through a CDP binding: no round trip, no script injected by Playwright. */
export class SignalWatch {
    private readonly queue = new SignalQueue()

    private constructor(cdp: CDPSession) {
        cdp.on('Runtime.bindingCalled', (event) => {
            if (event.name === SIGNAL_BINDING) this.queue.deliver(event.payload)
        })
    }

    static async install(cdp: CDPSession): Promise<SignalWatch> {
        const watch = new SignalWatch(cdp)
        await cdp.send('Runtime.enable')
        await cdp.send('Runtime.addBinding', { name: SIGNAL_BINDING })
        return watch
    }

    /** Resolves on the next signal `payload` not already used by an earlier wait. */
    next(payload: string): Promise<void> {
        return this.queue.next(payload)
    }
}

async function settle(page: Page, network: NetworkWatch): Promise<void> {
    await network.quiet()
    await page.evaluate(() => window.__bench?.idle())
}

/** A fresh context and page with the network cache off, heap profiling on and the CPU throttled. */
async function openMeasuredPage(
    browser: Browser,
    cpuRate: number
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, serviceWorkers: 'block' })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('HeapProfiler.enable')
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
    return { context, page, cdp }
}

/**
 * The page's own heap after load (typed into, network quiet, idle), from a separate load with no probe: the probe's
 * observers run (and get compiled) in proportion to the page's DOM work, which would be charged to the page.
 */
async function measureHeapWithoutProbes(browser: Browser, target: PageTarget, cpuRate: number): Promise<number> {
    const { context, page, cdp } = await openMeasuredPage(browser, cpuRate)
    try {
        const network = new NetworkWatch(cdp)
        await page.goto(target.url, { waitUntil: 'commit' })
        // Plain main-world script through CDP: Playwright's locators would add their own injected code to the heap.
        const label = JSON.stringify(MESSAGE_LABEL)
        const untilFocused = `new Promise((resolve) => {
            const find = () => {
                const label = [...document.querySelectorAll('label')].find((l) => (l.textContent ?? '').startsWith(${label}))
                const control = label?.control
                if (control && !control.disabled) { control.focus(); resolve(true) } else requestAnimationFrame(find)
            }
            find()
        })`
        await cdp.send('Runtime.evaluate', { expression: untilFocused, awaitPromise: true, timeout: STEP_TIMEOUT_MS })
        await typeCharacter(cdp, 'x')
        const untilTyped = `new Promise((resolve) => {
            const check = () => (document.activeElement?.value ?? '').length > 0 ? resolve(true) : requestAnimationFrame(check)
            check()
        })`
        await cdp.send('Runtime.evaluate', { expression: untilTyped, awaitPromise: true, timeout: STEP_TIMEOUT_MS })
        // "After load": idle (so work the page defers to idle has started), quiet, then idle again once it ran.
        const idle = 'new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 2000 }))'
        await cdp.send('Runtime.evaluate', { expression: idle, awaitPromise: true, timeout: STEP_TIMEOUT_MS })
        await network.quiet()
        await cdp.send('Runtime.evaluate', { expression: idle, awaitPromise: true, timeout: STEP_TIMEOUT_MS })
        await network.quiet()
        await cdp.send('HeapProfiler.collectGarbage')
        const heap = await cdp.send('Runtime.getHeapUsage')
        return heap.usedSize
    } finally {
        await context.close()
    }
}

interface LoadedPage {
    context: BrowserContext
    page: Page
    cdp: CDPSession
    network: NetworkWatch
    signals: SignalWatch
    readyMs: number
    attempts: number
}

/** A fresh context with the probe installed, loaded until a first typed character stays in the message field. */
async function loadUntilTyped(
    browser: Browser,
    target: PageTarget,
    cpuRate: number,
    renderCheck: boolean
): Promise<LoadedPage> {
    const { context, page, cdp } = await openMeasuredPage(browser, cpuRate)
    try {
        const network = new NetworkWatch(cdp)
        const signals = await SignalWatch.install(cdp)
        const found = signals.next('found')
        await page.addInitScript({
            content: pageProbeScript({ messageLabel: MESSAGE_LABEL, previewHeading: PREVIEW_HEADING }),
        })
        if (renderCheck) await page.addInitScript({ content: reactCommitProbeScript(MESSAGE_LABEL) })

        await page.goto(target.url, { waitUntil: 'commit' })
        await withTimeout(found, STEP_TIMEOUT_MS, `${target.name}: the message field never became usable`)
        const { readyMs, attempts } = await typeFirstCharacter(page, cdp, network, target.name)
        return { context, page, cdp, network, signals, readyMs, attempts }
    } catch (error) {
        await context.close()
        throw error
    }
}

/** Ready to type from loads of their own, one after the other. */
async function measureExtraReady(browser: Browser, target: PageTarget, settings: RoundSettings): Promise<number[]> {
    const samples: number[] = []
    for (let load = 0; load < settings.extraReadyLoads; load += 1) {
        const loaded = await loadUntilTyped(browser, target, settings.cpuRate, false)
        samples.push(loaded.readyMs)
        await loaded.context.close()
    }
    return samples
}

/** One fresh browser context: load, ready to type, heap (probe-free), (prepare,) typing, submit; extra ready loads. */
export async function measureRound(
    browser: Browser,
    target: PageTarget,
    settings: RoundSettings
): Promise<RoundResult> {
    const startedAt = performance.now()
    const { context, page, cdp, network, signals, readyMs, attempts } = await loadUntilTyped(
        browser,
        target,
        settings.cpuRate,
        settings.renderCheck
    )
    let inPage: Omit<RoundResult, 'extraReadyMs' | 'heapUsedBytes' | 'wallMs'>
    let typingMs: number
    try {
        await target.prepareSubmit(page)
        await settle(page, network)

        // Clicked into, as a person would: both pages then have the pointer over them while keys are timed (the
        // hover check after each layout), whatever preparing the submit did with the mouse.
        await page.getByLabel(MESSAGE_LABEL).click()
        let typing: RoundResult['typing']
        let renders: RenderReport | undefined
        const typingStartedAt = performance.now()
        if (!settings.measureTyping) {
            await pasteMessage(page, cdp, settings.text, target.name)
        } else {
            if (settings.renderCheck) await page.evaluate(() => window.__benchRenders?.start())
            typing = await typeMessage(page, cdp, signals, settings.text, target.name)
            if (settings.renderCheck) renders = await page.evaluate(() => window.__benchRenders?.stop())
        }
        typingMs = performance.now() - typingStartedAt

        let submitMs: number | undefined
        let submitInPageMs: number | undefined
        if (settings.submit) {
            await settle(page, network)
            const sent = network.runRequest(network.runRequests.length)
            await page.getByRole('button', { name: /^Start run/ }).click()
            const request = await sent
            const click = await page.evaluate((url) => {
                const entry = performance.getEntriesByName(url, 'resource').at(-1)
                return {
                    time: window.__bench?.clickTimes.at(-1),
                    origin: performance.timeOrigin,
                    requestStart: entry?.startTime,
                }
            }, request.url)
            if (click.time === undefined) throw new Error(`${target.name}: the submit click was not seen by the page`)
            submitMs = request.wallTime * 1000 - (click.origin + click.time)
            submitInPageMs = click.requestStart === undefined ? undefined : click.requestStart - click.time
        }

        const resources = await page.evaluate(() => window.__bench?.resources() ?? [])
        const calibrationMs = await page.evaluate(() => window.__bench?.calibrate() ?? Number.NaN)
        inPage = {
            target: target.name,
            cpuRate: settings.cpuRate,
            readyMs,
            readyAttempts: attempts,
            typing,
            renders,
            submitMs,
            submitInPageMs,
            pageOrigin: new URL(target.url).origin,
            resources,
            calibrationMs,
        }
    } finally {
        await context.close()
    }
    // Loads of their own, after this context is gone: the extra ready-only loads, then the probe-free heap.
    const extraReadyMs = await measureExtraReady(browser, target, settings)
    const heapUsedBytes = await measureHeapWithoutProbes(browser, target, settings.cpuRate)
    return {
        ...inPage,
        extraReadyMs,
        heapUsedBytes,
        wallMs: { round: performance.now() - startedAt, typing: typingMs },
    }
}

async function typeCharacter(cdp: CDPSession, character: string): Promise<void> {
    const [down, up] = toKeyEvents(character)
    // sent back to back: the browser queues keyUp behind keyDown
    await Promise.all([cdp.send('Input.dispatchKeyEvent', down), cdp.send('Input.dispatchKeyEvent', up)])
}

/** Types one character as soon as the field is usable; it counts once it is still there after the page settles. */
async function typeFirstCharacter(
    page: Page,
    cdp: CDPSession,
    network: NetworkWatch,
    name: string
): Promise<{ readyMs: number; attempts: number }> {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
        if (attempt > 1) await page.evaluate(() => window.__bench?.focusMessage())
        await typeCharacter(cdp, 'x')
        const arrived = await page.evaluate((count) => window.__bench?.waitForInputs(count, 5000), attempt)
        if (!arrived) continue
        const readyMs = await page.evaluate(() => window.__bench?.inputTimes.at(-1))
        await settle(page, network)
        const value = await page.evaluate(() => window.__bench?.messageValue())
        if (readyMs !== undefined && value?.includes('x')) return { readyMs, attempts: attempt }
    }
    throw new Error(`${name}: a character typed into the message never stayed there`)
}

/** Puts the message in with one input event, so untimed rounds submit the same body as timed ones. */
async function pasteMessage(page: Page, cdp: CDPSession, text: string, name: string): Promise<void> {
    const focused = await page.evaluate(() => window.__bench?.focusMessage())
    if (!focused) throw new Error(`${name}: the message field cannot be focused`)
    await cdp.send('Input.insertText', { text })
}

/** keystroke→paint of each key that got its frame, ms. */
export function keyLatencies(keys: readonly KeySample[]): number[] {
    return keys.flatMap((key) => (key.paintTime === undefined ? [] : [key.paintTime - key.eventTime]))
}

/** Before the page loads: the in-page probe and the paint signal that typeMessage paces keys by. */
export async function prepareTyping(page: Page, cdp: CDPSession): Promise<SignalWatch> {
    const signals = await SignalWatch.install(cdp)
    await page.addInitScript({
        content: pageProbeScript({ messageLabel: MESSAGE_LABEL, previewHeading: 'Request preview' }),
    })
    return signals
}

/** One key at a time, each once the previous key's frame was painted, like a fast typist who never gets ahead. */
export async function typeMessage(
    page: Page,
    cdp: CDPSession,
    signals: SignalWatch,
    text: string,
    name: string
): Promise<NonNullable<RoundResult['typing']>> {
    const focused = await page.evaluate(() => window.__bench?.focusMessage())
    if (!focused) throw new Error(`${name}: the message field cannot be focused for typing`)
    await page.evaluate(() => window.__bench?.startTyping())
    for (let index = 0; index < text.length; index += 1) {
        const character = text.charAt(index)
        const painted = signals.next(`key:${index}`)
        await Promise.all([
            typeCharacter(cdp, character),
            withTimeout(painted, STEP_TIMEOUT_MS, `${name}: no frame was painted after key ${index}`),
        ])
    }
    const report = await page.evaluate(() => window.__bench?.stopTyping())
    const value = await page.evaluate(() => window.__bench?.messageValue())
    if (!report) throw new Error(`${name}: the page probe is missing`)
    if (!value?.endsWith(text)) throw new Error(`${name}: the typed message did not land in the field`)
    return report
}
