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
        clock = 4
        await slice()
        expect(pauses).toBe(0)
        clock = 5
        await slice()
        expect(pauses).toBe(1)
        clock = 9
        await slice()
        expect(pauses).toBe(1)
        clock = 10
        await slice()
        expect(pauses).toBe(2)
    })
})
