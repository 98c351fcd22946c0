import { describe, expect, it } from 'vitest'

import { FIELD } from './fieldRules.ts'
import { fieldWarning, WARNING_FIELDS } from './fieldWarning.ts'

describe('fieldWarning', () => {
    it.each([
        [{ mode: 'interactive', pending_user_message: '' }, true],
        [{ mode: 'interactive', pending_user_message: '   ' }, true],
        [{ mode: 'interactive' }, true],
        [{ mode: 'interactive', pending_user_message: 'fix it' }, false],
        [{ mode: 'background', pending_user_message: '' }, false],
        [{}, false],
    ])('warns about an interactive run without a message: %j → %s', (values, warned) => {
        expect(fieldWarning(FIELD.message, values) !== undefined).toBe(warned)
    })

    it('only the message field carries a warning', () => {
        expect([...WARNING_FIELDS]).toEqual([FIELD.message])
        expect(fieldWarning(FIELD.mode, { mode: 'interactive' })).toBeUndefined()
    })
})
