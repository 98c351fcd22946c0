import { describe, expect, it } from 'vitest'

import { firstPaintFields } from './firstPaintFields.ts'

const entries = ['model', 'mode', 'pending_user_message', 'pending_user_artifact_ids', 'branch'].map((name) => ({
    field: { name },
}))

describe('firstPaintFields', () => {
    it('keeps the fields up to and including the last one, in order', () => {
        expect(firstPaintFields(entries, 'pending_user_message').map((entry) => entry.field.name)).toEqual([
            'model',
            'mode',
            'pending_user_message',
        ])
    })

    it('keeps every field when the last one is not shown', () => {
        expect(firstPaintFields(entries, 'missing')).toBe(entries)
    })

    it('keeps only the first field when it is the last one', () => {
        expect(firstPaintFields(entries, 'model')).toEqual([entries[0]])
    })
})
