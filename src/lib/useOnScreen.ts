import { useEffect, useState, type RefObject } from 'react'

/**
 * Whether the element is within `margin` of the viewport. True until the first observation, and always where the
 * browser has no IntersectionObserver: a caller that holds work back while off screen then never holds it.
 */
export function useOnScreen(ref: RefObject<Element | null>, margin = '0px'): boolean {
    const [onScreen, setOnScreen] = useState(true)
    useEffect(() => {
        const element = ref.current
        if (element === null || typeof IntersectionObserver === 'undefined') return
        const observer = new IntersectionObserver(
            (entries) => {
                const latest = entries.at(-1)
                if (latest) setOnScreen(latest.isIntersecting)
            },
            { rootMargin: margin }
        )
        observer.observe(element)
        return () => {
            observer.disconnect()
        }
    }, [ref, margin])
    return onScreen
}
