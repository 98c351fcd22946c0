import { describe, expect, it } from 'vitest'

import { evaluateBudget, evaluateBudgets, toRatio } from './evaluateBudget.ts'

describe('toRatio', () => {
    it.each([
        { app: 110, reference: 100, expected: 1.1 },
        { app: 0, reference: 0, expected: 1 },
        { app: 5, reference: 0, expected: Number.POSITIVE_INFINITY },
        { app: Number.NaN, reference: 3, expected: Number.NaN },
    ])('$app / $reference = $expected', ({ app, reference, expected }) => {
        expect(toRatio(app, reference)).toBe(expected)
    })
})

describe('evaluateBudget', () => {
    const ratio = (app: number, reference: number, maxRatio = 1.1) =>
        evaluateBudget({ kind: 'ratio', label: 'x', app, reference, maxRatio })

    it('passes at exactly the limit and fails just above it', () => {
        expect(ratio(110, 100).pass).toBe(true)
        expect(ratio(110.1, 100).pass).toBe(false)
    })

    it('passes when the app is cheaper', () => {
        expect(ratio(50, 100)).toMatchObject({ ratio: 0.5, pass: true })
    })

    it('fails a missing measurement instead of passing it', () => {
        expect(ratio(Number.NaN, 100).pass).toBe(false)
        expect(ratio(100, Number.NaN).pass).toBe(false)
        expect(ratio(1, 0).pass).toBe(false)
    })

    it('keeps a check as it is', () => {
        expect(evaluateBudget({ kind: 'check', label: 'renders', pass: false, detail: '{}' })).toMatchObject({
            pass: false,
            ratio: Number.NaN,
        })
    })

    it('lists the failed budgets', () => {
        const { verdicts, failed } = evaluateBudgets([
            { kind: 'ratio', label: 'js', app: 200, reference: 100, maxRatio: 1.1 },
            { kind: 'ratio', label: 'heap', app: 100, reference: 100, maxRatio: 1.3 },
            { kind: 'check', label: 'renders', pass: true, detail: '' },
        ])
        expect(verdicts).toHaveLength(3)
        expect(failed.map((verdict) => verdict.label)).toEqual(['js'])
    })
})
