/**
 * Holds callbacks (answers from the network that would re-render the page) while the user types in a fast burst, and
 * runs them together at the first pause, or once the oldest has waited `maxWaitMs`: a page that changes under a fast
 * typist costs those keys their frames.
 */
export interface TypingGate {
    /** A key was typed into a text field. */
    keyTyped: () => void
    /** Runs the callback at the next pause in typing (on the next timer turn when nobody is typing). */
    schedule: (callback: () => void) => void
}

export interface TypingGateOptions {
    /** How long without a key counts as a pause. */
    quietMs: number
    /** The longest a callback waits while the keys go on. */
    maxWaitMs: number
    /** A clock in milliseconds (Date.now by default, which test fake timers control). */
    now?: () => number
}

/** One callback that throws must not cost the others their turn: its error is thrown again on its own. */
function runAlone(callback: () => void): void {
    try {
        callback()
    } catch (error) {
        queueMicrotask(() => {
            throw error
        })
    }
}

export function createTypingGate({ quietMs, maxWaitMs, now = Date.now }: TypingGateOptions): TypingGate {
    let lastKeyAt = Number.NEGATIVE_INFINITY
    let waiting: (() => void)[] = []
    // Set when the first callback of a batch comes in; a timer is armed exactly while callbacks wait.
    let oldestAt = 0

    const delayLeft = (): number => {
        const at = now()
        return Math.max(0, Math.min(lastKeyAt + quietMs - at, oldestAt + maxWaitMs - at))
    }
    const check = (): void => {
        const delay = delayLeft()
        if (delay > 0) {
            setTimeout(check, delay)
            return
        }
        const due = waiting
        waiting = []
        for (const callback of due) runAlone(callback)
    }
    return {
        keyTyped: () => {
            lastKeyAt = now()
        },
        schedule: (callback) => {
            waiting.push(callback)
            if (waiting.length > 1) return
            oldestAt = now()
            setTimeout(check, delayLeft())
        },
    }
}
