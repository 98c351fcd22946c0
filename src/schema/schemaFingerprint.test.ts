import { describe, expect, it } from 'vitest'

import { schemaFingerprint } from './schemaFingerprint.ts'

describe('schemaFingerprint', () => {
    it('names equal documents alike, in 16 hex digits', () => {
        const document = { components: { schemas: { Run: { type: 'object', properties: { a: { type: 'string' } } } } } }
        expect(schemaFingerprint(document)).toMatch(/^[0-9a-f]{16}$/)
        expect(schemaFingerprint(structuredClone(document))).toBe(schemaFingerprint(document))
    })

    it.each([
        ['a changed value', { a: 'x', b: 2 }, { a: 'y', b: 2 }],
        ['another key order', { a: 1, b: 2 }, { b: 2, a: 1 }],
        ['values moved between keys', { a: 'ab', b: '' }, { a: 'a', b: 'b' }],
    ])('tells documents apart on %s', (_, first, second) => {
        expect(schemaFingerprint(first)).not.toBe(schemaFingerprint(second))
    })
})
