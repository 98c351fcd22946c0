import { useEffect, useState } from 'react'

/** True once the browser has painted and has a moment to spare (at most `timeoutMs` later). */
export function useIdleAfterMount(timeoutMs = 1000): boolean {
    const [idle, setIdle] = useState(false)
    useEffect(() => {
        const done = () => {
            setIdle(true)
        }
        // Safari has no requestIdleCallback: a short timeout stands in.
        if (typeof window.requestIdleCallback !== 'function') {
            const handle = setTimeout(done, 50)
            return () => {
                clearTimeout(handle)
            }
        }
        const handle = window.requestIdleCallback(done, { timeout: timeoutMs })
        return () => {
            window.cancelIdleCallback(handle)
        }
    }, [timeoutMs])
    return idle
}
