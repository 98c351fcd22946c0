import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { parseApiError } from './parseApiError.ts'
import { routeApiError } from './routeApiError.ts'

function routed(status: number, body: unknown) {
    return routeApiError(parseApiError(status, JSON.stringify(body), {}, { fieldModel: BUNDLED_FIELD_MODEL }))
}

describe('routeApiError', () => {
    it.each<[string, number, unknown, [string, string][], RegExp | undefined]>([
        [
            'a field error',
            400,
            { type: 'validation_error', code: 'required', detail: 'This field is required.', attr: 'model' },
            [['model', 'This field is required.']],
            undefined,
        ],
        [
            'expired attachments',
            400,
            { detail: 'Some pending_user_artifact_ids are invalid or expired', missing_artifact_ids: ['a'] },
            [
                [
                    'pending_user_artifact_ids',
                    'Some attachments are invalid or expired: upload the marked files again, or remove their IDs.',
                ],
            ],
            undefined,
        ],
        ['a field the form lacks', 400, { detail: 'Bad.', attr: 'scheduled_at' }, [], /scheduled_at/],
        ['a 400 without a field', 400, { error: 'An analysis task runs once.' }, [], /analysis task runs once/],
        ['a bad key', 401, { code: 'authentication_failed', detail: 'Invalid.' }, [], /personal API key/],
        [
            'a missing scope',
            403,
            { code: 'permission_denied', detail: "API key missing required scope 'task:write'" },
            [],
            /task:write/,
        ],
        ['a rate limit', 429, { code: 'throttled', detail: 'Expected available in 3 seconds.' }, [], /in 3 seconds/],
        ['a server error', 502, {}, [], /status 502/],
    ])('%s', (_name, status, body, fields, banner) => {
        const result = routed(status, body)
        expect([...result.fieldErrors]).toEqual(fields)
        if (banner) expect(result.banner).toMatch(banner)
        else expect(result.banner).toBeUndefined()
    })
})
