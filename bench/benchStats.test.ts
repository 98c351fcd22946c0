import { describe, expect, it } from 'vitest'

import { median, p95, percentile } from './benchStats.ts'

describe('percentile', () => {
    it.each([
        { values: [], p: 50, expected: Number.NaN },
        { values: [7], p: 95, expected: 7 },
        { values: [1, 2, 3, 4], p: 0, expected: 1 },
        { values: [1, 2, 3, 4], p: 100, expected: 4 },
        { values: [4, 1, 3, 2], p: 50, expected: 2.5 },
        { values: [10, 20], p: 25, expected: 12.5 },
        { values: [1, 2, 3], p: 101, expected: Number.NaN },
    ])('p$p of $values is $expected', ({ values, p, expected }) => {
        expect(percentile(values, p)).toBe(expected)
    })

    it('does not reorder its input', () => {
        const values = [3, 1, 2]
        percentile(values, 50)
        expect(values).toEqual([3, 1, 2])
    })
})

describe('median and p95', () => {
    it('take the middle value of an odd count and the mean of the middle two of an even one', () => {
        expect(median([5, 1, 9])).toBe(5)
        expect(median([5, 1, 9, 3])).toBe(4)
    })

    it('p95 of 1..100 interpolates between the 95th and 96th values', () => {
        const values = Array.from({ length: 100 }, (_, index) => index + 1)
        expect(p95(values)).toBeCloseTo(95.05, 10)
    })

    it('p95 follows a slow tail that the median ignores', () => {
        const values = [...Array<number>(90).fill(10), ...Array<number>(10).fill(100)]
        expect(median(values)).toBe(10)
        expect(p95(values)).toBe(100)
    })
})
