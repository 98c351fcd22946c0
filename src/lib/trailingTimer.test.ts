import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { createTrailingTimer } from './trailingTimer.ts'

beforeEach(() => {
    vi.useFakeTimers()
})

afterEach(() => {
    vi.useRealTimers()
})

describe('createTrailingTimer', () => {
    it('runs once the delay has passed since the last restart, not since the first', () => {
        const callback = vi.fn()
        const timer = createTrailingTimer(100, callback)
        timer.restart()
        vi.advanceTimersByTime(60)
        timer.restart()
        vi.advanceTimersByTime(60)
        expect(callback).not.toHaveBeenCalled()
        vi.advanceTimersByTime(40)
        expect(callback).toHaveBeenCalledTimes(1)
        vi.advanceTimersByTime(500)
        expect(callback).toHaveBeenCalledTimes(1)
    })

    it('arms one timer for a burst of restarts', () => {
        const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout')
        const callback = vi.fn()
        const timer = createTrailingTimer(100, callback)
        for (let key = 0; key < 50; key += 1) {
            timer.restart()
            vi.advanceTimersByTime(10)
        }
        // the first arm, then one re-arm each time it fires early (every 100 ms of the 500 ms burst)
        expect(setTimeoutSpy.mock.calls.length).toBeLessThanOrEqual(6)
        vi.advanceTimersByTime(100)
        expect(callback).toHaveBeenCalledTimes(1)
        setTimeoutSpy.mockRestore()
    })

    it('runs nothing after cancel, and can start again', () => {
        const callback = vi.fn()
        const timer = createTrailingTimer(100, callback)
        timer.restart()
        timer.cancel()
        vi.advanceTimersByTime(200)
        expect(callback).not.toHaveBeenCalled()
        timer.restart()
        vi.advanceTimersByTime(100)
        expect(callback).toHaveBeenCalledTimes(1)
    })
})
