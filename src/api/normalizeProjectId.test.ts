import { describe, expect, it } from 'vitest'

import { normalizeProjectId } from './normalizeProjectId.ts'

describe('normalizeProjectId', () => {
    it.each<[string, string]>([
        ['12345', '12345'],
        [' 42 ', '42'],
        ['007', '7'],
        ['https://us.posthog.com/project/999/tasks', '999'],
        ['https://eu.posthog.com/project/5?x=1', '5'],
    ])('%j → %s', (input, projectId) => {
        expect(normalizeProjectId(input)).toEqual({ ok: true, projectId })
    })

    it.each(['', '  ', 'abc', '12a', '-3', '0', '1.5', '@current', '1234567890123456789'])('refuses %j', (input) => {
        expect(normalizeProjectId(input).ok).toBe(false)
    })
})
