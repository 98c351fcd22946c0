import { describe, expect, it, vi } from 'vitest'

import { validateOnce } from './validateOnce.ts'

function counting() {
    const validate = vi.fn((value: unknown) => ({ value }))
    return { validate, schema: validateOnce({ '~standard': { vendor: 'test', version: 1 as const, validate } }) }
}

describe('validateOnce', () => {
    it('runs the rules once for equal values, and again when they change', () => {
        const { validate, schema } = counting()
        const first = schema['~standard'].validate({ branch: 'main' })
        expect(schema['~standard'].validate({ branch: 'main' })).toBe(first)
        expect(validate).toHaveBeenCalledTimes(1)
        schema['~standard'].validate({ branch: 'dev' })
        expect(validate).toHaveBeenCalledTimes(2)
    })

    it('keeps the rest of the schema’s standard properties', () => {
        const { schema } = counting()
        expect(schema['~standard'].vendor).toBe('test')
    })
})
