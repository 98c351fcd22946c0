import { describe, expect, it } from 'vitest'

import { busyRounds } from './busyRounds.ts'

describe('busyRounds', () => {
    it('names the rounds whose throttle check ran over 1.15× the median of their CPU rate', () => {
        // the figures of a run where two app rounds at 4× ran on a busier machine
        const rounds = [
            { cpuRate: 4, calibrationMs: 46.2 },
            { cpuRate: 4, calibrationMs: 62.7 },
            { cpuRate: 4, calibrationMs: 58.7 },
            { cpuRate: 4, calibrationMs: 51.0 },
            { cpuRate: 4, calibrationMs: 48.3 },
            { cpuRate: 4, calibrationMs: 48.5 },
            { cpuRate: 1, calibrationMs: 13.0 },
            { cpuRate: 1, calibrationMs: 13.4 },
            { cpuRate: 1, calibrationMs: 15.3 },
        ]
        // medians: 49.75 ms at 4× (limit 57.2), 13.4 ms at 1× (limit 15.41)
        expect(busyRounds(rounds)).toEqual([1, 2])
    })

    it('never names a round without a throttle check, nor one at a rate of its own', () => {
        expect(
            busyRounds([
                { cpuRate: 4, calibrationMs: Number.NaN },
                { cpuRate: 4, calibrationMs: 50 },
                { cpuRate: 1, calibrationMs: 14 },
            ])
        ).toEqual([])
    })
})
