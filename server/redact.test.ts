import { describe, expect, it } from 'vitest'

import { redact } from './redact.ts'

describe('redact', () => {
    it.each([
        ['proxy GET /api/projects/1/tasks/ 200 3ms', 'proxy GET /api/projects/1/tasks/ 200 3ms'],
        ['key phx_abcDEF123_-x in a path', 'key [redacted] in a path'],
        ['project secret phs_abc123', 'project secret [redacted]'],
        ['{"github_user_token":"ghp_abcdefABCDEF0123"}', '{"github_user_token":"[redacted]"}'],
        ['gho_abc ghu_abc ghs_abc ghr_abc', '[redacted] [redacted] [redacted] [redacted]'],
        ['token github_pat_11ABCDEFG_abcdefghijk', 'token [redacted]'],
        ['authorization: Bearer some.opaque-token', 'authorization: [redacted]'],
        ['a project token phc_public stays', 'a project token phc_public stays'],
    ])('%j → %j', (line, expected) => {
        expect(redact(line)).toBe(expected)
    })

    it('removes known secrets of any shape', () => {
        expect(redact('odd key oddKey123 here, oddKey123 again', ['oddKey123'])).toBe(
            'odd key [redacted] here, [redacted] again'
        )
    })

    it('ignores an empty secret', () => {
        expect(redact('nothing to hide', [''])).toBe('nothing to hide')
    })
})
