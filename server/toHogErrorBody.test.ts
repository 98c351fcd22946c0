import { describe, expect, it } from 'vitest'

import { toHogErrorBody } from './toHogErrorBody.ts'

describe('toHogErrorBody', () => {
    it('keeps PostHog’s error keys and drops everything else', () => {
        const body = {
            type: 'validation_error',
            code: 'invalid_input',
            detail: 'Bad model.',
            attr: 'model',
            email: 'ada@example.com',
            api_token: 'phc_project_token',
        }
        expect(toHogErrorBody(400, JSON.stringify(body))).toEqual({
            type: 'validation_error',
            code: 'invalid_input',
            detail: 'Bad model.',
            attr: 'model',
        })
    })

    it('keeps the task API’s documented extras with the right types only', () => {
        const body = {
            detail: 'Some pending_user_artifact_ids are invalid or expired',
            missing_artifact_ids: ['a', 'b'],
            limit_type: 'burst',
            reset_at: '2026-01-01T00:00:00Z',
            is_pro: 'yes',
            retry_token: { nested: true },
        }
        expect(toHogErrorBody(400, JSON.stringify(body))).toEqual({
            detail: 'Some pending_user_artifact_ids are invalid or expired',
            missing_artifact_ids: ['a', 'b'],
            limit_type: 'burst',
            reset_at: '2026-01-01T00:00:00Z',
        })
    })

    it.each([
        [404, '<html>Not found</html>', 'invalid_request'],
        [500, '{"email": "ada@example.com"}', 'server_error'],
        [502, '[1, 2]', 'server_error'],
        [403, '', 'invalid_request'],
    ])('%i %j → a generic PostHog-shaped error', (status, text, type) => {
        expect(toHogErrorBody(status, text)).toEqual({
            type,
            code: 'error',
            detail: `PostHog answered with status ${status} and no error the launcher can show.`,
            attr: null,
        })
    })
})
