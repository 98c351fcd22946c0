import { act, renderHook } from '@testing-library/react'
import { useRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { useOnScreen } from './useOnScreen.ts'

/** A stand-in for the browser's IntersectionObserver that the test drives by hand. */
class FakeIntersectionObserver {
    static last: FakeIntersectionObserver | undefined
    readonly observed: Element[] = []
    disconnected = false
    constructor(
        private readonly callback: IntersectionObserverCallback,
        readonly options: IntersectionObserverInit = {}
    ) {
        FakeIntersectionObserver.last = this
    }
    observe(element: Element) {
        this.observed.push(element)
    }
    disconnect() {
        this.disconnected = true
    }
    report(isIntersecting: boolean) {
        const target = this.observed[0]
        if (!target) throw new Error('nothing observed')
        this.callback(
            [{ isIntersecting, target } as IntersectionObserverEntry],
            this as unknown as IntersectionObserver
        )
    }
}

function renderOnScreen() {
    const element = document.createElement('div')
    return renderHook(() => {
        const ref = useRef<Element>(element)
        return useOnScreen(ref, '100px')
    })
}

describe('useOnScreen', () => {
    afterEach(() => {
        vi.unstubAllGlobals()
        FakeIntersectionObserver.last = undefined
    })

    it('follows the observer, with the margin asked for, and stops observing on unmount', () => {
        vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
        const hook = renderOnScreen()
        const observer = FakeIntersectionObserver.last
        expect(hook.result.current).toBe(true)
        expect(observer?.options.rootMargin).toBe('100px')
        act(() => observer?.report(false))
        expect(hook.result.current).toBe(false)
        act(() => observer?.report(true))
        expect(hook.result.current).toBe(true)
        hook.unmount()
        expect(observer?.disconnected).toBe(true)
    })

    it('says on screen where the browser has no IntersectionObserver', () => {
        vi.stubGlobal('IntersectionObserver', undefined)
        expect(renderOnScreen().result.current).toBe(true)
    })
})
