import { startTransition, useEffect, useState } from 'react'

/** Runs callback once the browser has a moment to spare (at most `timeoutMs` later); returns a cancel function. */
export function whenIdle(callback: () => void, timeoutMs = 1000): () => void {
    // Safari has no requestIdleCallback: a short timeout stands in.
    if (typeof window.requestIdleCallback !== 'function') {
        const handle = setTimeout(callback, 50)
        return () => {
            clearTimeout(handle)
        }
    }
    const handle = window.requestIdleCallback(callback, { timeout: timeoutMs })
    return () => {
        window.cancelIdleCallback(handle)
    }
}

/**
 * True once the browser has painted and has a moment to spare (at most `timeoutMs` later). The update is a
 * transition: what renders for it yields to a keystroke that arrives meanwhile.
 */
export function useIdleAfterMount(timeoutMs = 1000): boolean {
    const [idle, setIdle] = useState(false)
    useEffect(
        () =>
            whenIdle(() => {
                startTransition(() => {
                    setIdle(true)
                })
            }, timeoutMs),
        [timeoutMs]
    )
    return idle
}
