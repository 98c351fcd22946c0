import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { createTypingGate } from './typingGate.ts'

beforeEach(() => {
    vi.useFakeTimers()
})

afterEach(() => {
    vi.useRealTimers()
})

const typeKeys = (gate: { keyTyped: () => void }, keys: number, everyMs: number): void => {
    for (let key = 0; key < keys; key += 1) {
        gate.keyTyped()
        vi.advanceTimersByTime(everyMs)
    }
}

describe('createTypingGate', () => {
    it('runs a callback on the next timer turn when nobody is typing', () => {
        const gate = createTypingGate({ quietMs: 50, maxWaitMs: 1000 })
        const callback = vi.fn()
        gate.schedule(callback)
        expect(callback).not.toHaveBeenCalled()
        vi.advanceTimersByTime(0)
        expect(callback).toHaveBeenCalledTimes(1)
    })

    it('holds callbacks while keys come faster than the pause, then runs them in order at the pause', () => {
        const gate = createTypingGate({ quietMs: 50, maxWaitMs: 1000 })
        const order: string[] = []
        gate.keyTyped()
        gate.schedule(() => order.push('tasks'))
        typeKeys(gate, 10, 16)
        gate.schedule(() => order.push('models'))
        typeKeys(gate, 10, 16)
        expect(order).toEqual([])
        // the last key was 16 ms ago: the pause completes 34 ms later
        vi.advanceTimersByTime(33)
        expect(order).toEqual([])
        vi.advanceTimersByTime(1)
        expect(order).toEqual(['tasks', 'models'])
    })

    it('does not hold anything past the longest wait, however long the keys go on', () => {
        const gate = createTypingGate({ quietMs: 50, maxWaitMs: 1000 })
        const callback = vi.fn()
        gate.keyTyped()
        gate.schedule(callback)
        typeKeys(gate, 62, 16)
        expect(callback).toHaveBeenCalledTimes(0)
        typeKeys(gate, 1, 16)
        expect(callback).toHaveBeenCalledTimes(1)
    })

    it('counts the longest wait from the oldest callback still waiting', () => {
        const gate = createTypingGate({ quietMs: 50, maxWaitMs: 300 })
        const first = vi.fn()
        const second = vi.fn()
        gate.keyTyped()
        gate.schedule(first)
        typeKeys(gate, 14, 20)
        gate.schedule(second)
        expect(first).not.toHaveBeenCalled()
        typeKeys(gate, 1, 20)
        expect(first).toHaveBeenCalledTimes(1)
        expect(second).toHaveBeenCalledTimes(1)
    })

    it('waits only for the rest of the pause when the last key was a while ago', () => {
        const gate = createTypingGate({ quietMs: 50, maxWaitMs: 1000 })
        const callback = vi.fn()
        gate.keyTyped()
        vi.advanceTimersByTime(40)
        gate.schedule(callback)
        vi.advanceTimersByTime(9)
        expect(callback).not.toHaveBeenCalled()
        vi.advanceTimersByTime(1)
        expect(callback).toHaveBeenCalledTimes(1)
    })

    it('runs a callback scheduled while the held ones run on a later turn, not inside that loop', () => {
        const gate = createTypingGate({ quietMs: 50, maxWaitMs: 1000 })
        const later = vi.fn()
        gate.schedule(() => {
            gate.schedule(later)
            expect(later).not.toHaveBeenCalled()
        })
        vi.runAllTimers()
        expect(later).toHaveBeenCalledTimes(1)
    })

    it('runs the rest of the held callbacks when one throws, and throws its error again on its own', async () => {
        const gate = createTypingGate({ quietMs: 50, maxWaitMs: 1000 })
        const after = vi.fn()
        const rethrown = new Promise<unknown>((resolve) => {
            vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => {
                try {
                    task()
                } catch (error) {
                    resolve(error)
                }
            })
        })
        gate.schedule(() => {
            throw new Error('a subscriber broke')
        })
        gate.schedule(after)
        vi.advanceTimersByTime(0)
        expect(after).toHaveBeenCalledTimes(1)
        await expect(rethrown).resolves.toEqual(new Error('a subscriber broke'))
        vi.restoreAllMocks()
    })

    it('arms one timer per pause check, not one per key or callback', () => {
        const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout')
        const gate = createTypingGate({ quietMs: 50, maxWaitMs: 1000 })
        gate.keyTyped()
        for (let answer = 0; answer < 20; answer += 1) gate.schedule(vi.fn())
        typeKeys(gate, 30, 16)
        vi.advanceTimersByTime(50)
        // the first arm, then one re-arm each time it found the keys still going (about every 50 ms of 480)
        expect(setTimeoutSpy.mock.calls.length).toBeLessThanOrEqual(12)
        setTimeoutSpy.mockRestore()
    })
})
