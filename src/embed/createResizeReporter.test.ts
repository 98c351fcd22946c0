import { describe, expect, it } from 'vitest'

import { createResizeReporter } from './createResizeReporter.ts'
import type { ResizeReporterOptions } from './createResizeReporter.ts'

function setUp(options: Partial<ResizeReporterOptions> = {}) {
    const frames = new Map<number, () => void>()
    let nextFrame = 1
    let clock = 0
    let height = 100
    const sent: number[] = []
    let measured = 0
    const reporter = createResizeReporter({
        measure: () => {
            measured++
            return height
        },
        send: (value) => sent.push(value),
        scheduleFrame: (callback) => {
            frames.set(nextFrame, callback)
            return nextFrame++
        },
        cancelFrame: (handle) => frames.delete(handle),
        now: () => clock,
        ...options,
    })
    const runFrames = (): void => {
        const pending = [...frames.values()]
        frames.clear()
        for (const callback of pending) callback()
    }
    return {
        reporter,
        sent,
        frames,
        runFrames,
        measuredCount: () => measured,
        /** Content reports this height on the next frame. */
        resizeTo: (value: number, elapsedMs = 16) => {
            height = value
            clock += elapsedMs
            reporter.request()
            runFrames()
        },
    }
}

describe('createResizeReporter', () => {
    it('reports the first height, rounded up so no fraction is cut off', () => {
        const { resizeTo, sent } = setUp()
        resizeTo(240.2)
        expect(sent).toEqual([241])
    })

    it('reports only changes of at least 1px', () => {
        const { resizeTo, sent } = setUp()
        for (const height of [300, 300, 299.4, 300, 301, 301]) resizeTo(height)
        expect(sent).toEqual([300, 301])
    })

    it('coalesces many requests in one frame into one measurement', () => {
        const { reporter, runFrames, frames, sent, measuredCount } = setUp()
        reporter.request()
        reporter.request()
        reporter.request()
        expect(frames.size).toBe(1)
        expect(measuredCount()).toBe(0)
        runFrames()
        expect(measuredCount()).toBe(1)
        expect(sent).toEqual([100])
    })

    it('ignores a measurement that is not a size', () => {
        const { resizeTo, sent } = setUp()
        for (const height of [Number.NaN, -1, Number.POSITIVE_INFINITY, 50]) resizeTo(height)
        expect(sent).toEqual([50])
    })

    it('lets content toggle between two heights at a human pace', () => {
        const { resizeTo, sent } = setUp()
        const heights = [400, 500, 400, 500, 400, 500, 400, 500]
        for (const height of heights) resizeTo(height, 800)
        expect(sent).toEqual(heights)
    })

    it('breaks a fast A-B-A-B loop by holding the larger height', () => {
        const { resizeTo, sent } = setUp({ maxFlips: 4, flipWindowMs: 1_000 })
        for (let index = 0; index < 20; index++) resizeTo(index % 2 === 0 ? 400 : 417)
        // Two first reports, four tolerated flips, then the smaller height is dropped.
        expect(sent).toEqual([400, 417, 400, 417, 400, 417])
        expect(sent.at(-1)).toBe(417)
    })

    it('ends on the larger height when the loop is caught on its way up', () => {
        const { resizeTo, sent } = setUp({ maxFlips: 3, flipWindowMs: 1_000 })
        for (let index = 0; index < 20; index++) resizeTo(index % 2 === 0 ? 417 : 400)
        expect(sent).toEqual([417, 400, 417, 400, 417])
    })

    it('reports again once the content really changes after a loop', () => {
        const { resizeTo, sent } = setUp({ maxFlips: 2, flipWindowMs: 1_000 })
        for (let index = 0; index < 10; index++) resizeTo(index % 2 === 0 ? 400 : 417)
        sent.length = 0
        resizeTo(600)
        resizeTo(400)
        expect(sent).toEqual([600, 400])
    })

    it('measures nothing after dispose', () => {
        const { reporter, frames, sent, measuredCount } = setUp()
        reporter.request()
        reporter.dispose()
        expect(frames.size).toBe(0)
        reporter.request()
        expect(frames.size).toBe(0)
        expect(measuredCount()).toBe(0)
        expect(sent).toEqual([])
    })
})
