/** A debounce timer that costs no clearTimeout/setTimeout per call while a burst (such as typing) goes on. */
export interface TrailingTimer {
    /** Runs the callback once `delayMs` have passed without another restart. */
    restart: () => void
    cancel: () => void
}

/**
 * A restart only moves the due time; the one timer that is armed re-arms itself for the rest when it fires early.
 * `now` is a clock in milliseconds (Date.now by default, which test fake timers control).
 */
export function createTrailingTimer(delayMs: number, callback: () => void, now = Date.now): TrailingTimer {
    let handle: ReturnType<typeof setTimeout> | undefined
    let dueAt = 0
    const fire = (): void => {
        const wait = dueAt - now()
        if (wait > 0) {
            handle = setTimeout(fire, wait)
            return
        }
        handle = undefined
        callback()
    }
    return {
        restart: () => {
            dueAt = now() + delayMs
            handle ??= setTimeout(fire, delayMs)
        },
        cancel: () => {
            clearTimeout(handle)
            handle = undefined
        },
    }
}
