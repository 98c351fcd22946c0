// Runs inside the page before React loads: a minimal React DevTools hook that sees every commit, even in production.

export interface RenderReport {
    commits: number
    /** Function and class components that rendered (or mounted) while recording. */
    componentRenders: number
    /** Renders whose DOM holds the message control and nothing else: the field being typed in. */
    messageRenders: number
    /** Renders whose DOM holds the message control and others: a form or group around it re-rendered. */
    enclosingRenders: number
    /** Renders whose DOM holds form controls but not the message control: fields that did not change. */
    otherFieldRenders: number
    /** otherFieldRenders by the labels of the controls they hold. */
    otherFields: Record<string, number>
    /** Renders whose DOM holds no form control (status lines, the request preview, …). */
    nonFieldRenders: number
}

export interface RenderProbe {
    start: () => void
    stop: () => RenderReport
}

declare global {
    interface Window {
        __benchRenders?: RenderProbe
    }
}

interface Fiber {
    tag: number
    flags: number
    child: Fiber | null
    sibling: Fiber | null
    alternate: Fiber | null
    stateNode: unknown
}

interface FiberRoot {
    current: Fiber
}

/** Serialised into the page by reactCommitProbeScript; uses nothing from its module scope. */
export function installReactCommitProbe(messageLabel: string): void {
    // React's fiber tags and flags (react-reconciler ReactWorkTags / ReactFiberFlags)
    const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15])
    const HOST_COMPONENT = 5
    const PERFORMED_WORK = 1
    const CONTROLS = 'input, select, textarea'

    const empty = (): RenderReport => ({
        commits: 0,
        componentRenders: 0,
        messageRenders: 0,
        enclosingRenders: 0,
        otherFieldRenders: 0,
        otherFields: {},
        nonFieldRenders: 0,
    })
    let report = empty()
    let active = false

    const isFiber = (value: unknown): value is Fiber =>
        typeof value === 'object' && value !== null && 'tag' in value && 'flags' in value && 'child' in value
    const findMessage = (): Element | null => {
        for (const label of document.querySelectorAll('label')) {
            if (label.textContent.trim().startsWith(messageLabel)) return label.control
        }
        return null
    }
    // the outermost DOM elements a component rendered
    const hostElements = (fiber: Fiber): Element[] => {
        const found: Element[] = []
        const stack: Fiber[] = fiber.child ? [fiber.child] : []
        while (stack.length > 0) {
            const node = stack.pop()
            if (!node) break
            if (node.sibling) stack.push(node.sibling)
            if (node.tag === HOST_COMPONENT) {
                if (node.stateNode instanceof Element) found.push(node.stateNode)
            } else if (node.child) {
                stack.push(node.child)
            }
        }
        return found
    }
    const labelOf = (control: Element): string => {
        const labelled =
            control instanceof HTMLInputElement ||
            control instanceof HTMLSelectElement ||
            control instanceof HTMLTextAreaElement
        const text = labelled ? control.labels?.[0]?.textContent.trim() : undefined
        return (text ?? control.getAttribute('aria-label') ?? control.getAttribute('name') ?? '?').slice(0, 40)
    }
    const record = (fiber: Fiber, message: Element | null): void => {
        report.componentRenders += 1
        const controls = new Set<Element>()
        for (const element of hostElements(fiber)) {
            if (element.matches(CONTROLS)) controls.add(element)
            element.querySelectorAll(CONTROLS).forEach((control) => controls.add(control))
        }
        if (message && controls.has(message)) {
            if (controls.size === 1) report.messageRenders += 1
            else report.enclosingRenders += 1
        } else if (controls.size > 0) {
            report.otherFieldRenders += 1
            const key = [...controls].map(labelOf).join(', ').slice(0, 120)
            report.otherFields[key] = (report.otherFields[key] ?? 0) + 1
        } else {
            report.nonFieldRenders += 1
        }
    }
    // Children a commit left untouched are the very objects of the previous commit: skip them; the rest were
    // cloned, and those that rendered carry PerformedWork.
    const walk = (root: Fiber, message: Element | null): void => {
        const stack: Fiber[] = [root]
        while (stack.length > 0) {
            const parent = stack.pop()
            if (!parent) break
            if (parent.alternate !== null && parent.child === parent.alternate.child) continue
            for (let child = parent.child; child; child = child.sibling) {
                const rendered = child.alternate === null || (child.flags & PERFORMED_WORK) !== 0
                if (rendered && COMPONENT_TAGS.has(child.tag)) record(child, message)
                stack.push(child)
            }
        }
    }

    const noop = (): void => undefined
    Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
        configurable: true,
        value: {
            supportsFiber: true,
            isDisabled: false,
            renderers: new Map(),
            inject: () => 1,
            checkDCE: noop,
            onScheduleFiberRoot: noop,
            onCommitFiberUnmount: noop,
            onPostCommitFiberRoot: noop,
            setStrictMode: noop,
            onCommitFiberRoot: (_rendererId: number, root: FiberRoot) => {
                if (!active || !isFiber(root.current)) return
                report.commits += 1
                walk(root.current, findMessage())
            },
        },
    })
    window.__benchRenders = {
        start: () => {
            report = empty()
            active = true
        },
        stop: () => {
            active = false
            return report
        },
    }
}

export function reactCommitProbeScript(messageLabel: string): string {
    return `globalThis.__name ??= (fn) => fn;(${installReactCommitProbe.toString()})(${JSON.stringify(messageLabel)});`
}
