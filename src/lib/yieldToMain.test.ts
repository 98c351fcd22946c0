import { describe, expect, it } from 'vitest'

import { createTimeSlicer } from './yieldToMain.ts'

describe('createTimeSlicer', () => {
    it('pauses only once the budget has been spent since the last pause', async () => {
        let clock = 0
        let pauses = 0
        const slice = createTimeSlicer(
            5,
            () => {
                pauses++
                return Promise.resolve()
            },
            () => clock
        )
        // [clock when slice() is called, pauses so far]: a pause once 5 ms have passed since the last one
        const steps = [
            [4, 0],
            [5, 1],
            [9, 1],
            [10, 2],
        ] as const
        for (const [at, expected] of steps) {
            clock = at
            await slice()
            expect(pauses).toBe(expected)
        }
    })
})
