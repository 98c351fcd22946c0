import { describe, expect, it } from 'vitest'

import type { RoundResult } from './measureRound.ts'
import { summarizeAssets, summarizeRate } from './summarizeRounds.ts'

const ORIGIN = 'http://127.0.0.1:4000'

function round(overrides: Partial<RoundResult>): RoundResult {
    return {
        target: 'app',
        cpuRate: 4,
        readyMs: 100,
        readyAttempts: 1,
        extraReadyMs: [],
        heapUsedBytes: 1000,
        typing: undefined,
        renders: undefined,
        submitMs: 5,
        submitInPageMs: 5,
        pageOrigin: ORIGIN,
        resources: [],
        calibrationMs: 40,
        wallMs: { round: 1, typing: 0 },
        ...overrides,
    }
}

// keys whose latency (paint − event) is each given value
function typing(latencies: number[], eventDurations: number[] = [], mutationsOutside = 0): RoundResult['typing'] {
    return {
        keys: latencies.map((latency, index) => ({
            eventTime: index * 100,
            handlerTime: index * 100 + 1,
            paintTime: index * 100 + latency,
        })),
        eventDurations,
        mutationsOutside,
        mutationSamples: [],
    }
}

describe('summarizeRate', () => {
    it('takes the median over rounds of each measurement', () => {
        const summary = summarizeRate([
            round({ readyMs: 300, heapUsedBytes: 30, submitMs: 9 }),
            round({ readyMs: 100, heapUsedBytes: 10, submitMs: 3 }),
            round({ readyMs: 200, heapUsedBytes: 20, submitMs: undefined }),
        ])
        expect(summary).toMatchObject({ rounds: 3, readyMs: 200, heapUsedBytes: 20, submitMs: 6 })
    })

    it('summarises keystrokes per round (median, p95), then takes the median over the typed rounds only', () => {
        const slowTail = [...Array<number>(19).fill(10), 50]
        const summary = summarizeRate([
            round({ typing: typing(slowTail) }),
            round({ typing: typing(slowTail.map((latency) => latency * 2)) }),
            round({ typing: typing(slowTail.map((latency) => latency * 3)) }),
            round({ typing: undefined }),
        ])
        expect(summary.keyMedianMs).toBe(20)
        // p95 of 19 × 10 and one 50 interpolates 0.05 of the way from 10 to 50: 12, doubled in the middle round
        expect(summary.keyP95Ms).toBeCloseTo(24, 10)
        expect(summary.keyInputDelayP95Ms).toBe(1)
    })

    it('counts keys under the Event Timing floor as 0 and reports the share that reached it', () => {
        const summary = summarizeRate([round({ typing: typing(Array<number>(20).fill(10), [24, 32], 3) })])
        expect(summary.eventOverFloorShare).toBe(0.1)
        // 18 zeros, 24, 32: p95 sits between the last two
        expect(summary.eventP95Ms).toBeCloseTo(24.4, 10)
        expect(summary.mutationsOutside).toBe(3)
    })

    it('is NaN, not 0, when nothing was measured', () => {
        expect(summarizeRate([]).readyMs).toBeNaN()
    })

    it('takes ready to type over every load, the extra ready-only loads included', () => {
        const summary = summarizeRate([
            round({ readyMs: 100, extraReadyMs: [400, 500] }),
            round({ readyMs: 300, extraReadyMs: [600, 700] }),
        ])
        expect(summary.readyMs).toBe(450)
        expect(summarizeRate([round({})]).keyP95Ms).toBeNaN()
    })
})

describe('summarizeAssets', () => {
    it('adds up the files each round loaded before it was ready, and the ones it loaded later', () => {
        const sizes: Record<string, number> = { '/a.js': 100, '/b.js': 50, '/a.css': 10, '/lazy.js': 7 }
        const sizeOf = (pathname: string) => {
            const raw = sizes[pathname] ?? 0
            return { raw, gzip: raw / 2, brotli: raw / 4 }
        }
        const resources = [
            { url: `${ORIGIN}/a.js`, startTime: 1 },
            { url: `${ORIGIN}/b.js`, startTime: 2 },
            { url: `${ORIGIN}/a.css`, startTime: 3 },
            { url: `${ORIGIN}/lazy.js`, startTime: 500 },
        ]
        const summary = summarizeAssets([round({ resources, readyMs: 100 })], sizeOf)
        expect(summary.initialJs).toEqual({ raw: 150, gzip: 75, brotli: 37.5 })
        expect(summary.initialCss).toEqual({ raw: 10, gzip: 5, brotli: 2.5 })
        expect(summary.lazyJs).toEqual({ raw: 7, gzip: 3.5, brotli: 1.75 })
        expect(summary.initialFiles).toEqual(['/a.js', '/b.js', '/a.css'])
        expect(summary.lazyFiles).toEqual(['/lazy.js'])
    })
})
