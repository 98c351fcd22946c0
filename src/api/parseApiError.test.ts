import { describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import type { ApiErrorInfo } from './ApiError.ts'
import { fieldForAttr, parseApiError } from './parseApiError.ts'

const NOW = new Date('2026-03-01T12:00:00Z')
const options = { fieldModel: BUNDLED_FIELD_MODEL, now: NOW }

function parse(status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    return parseApiError(status, text, headers, options)
}

const hog = (type: string, code: string, detail: string, attr: string | null = null) => ({ type, code, detail, attr })

describe('parseApiError on every documented body shape', () => {
    it.each<[string, number, unknown, Partial<ApiErrorInfo>, RegExp]>([
        [
            'hog field error',
            400,
            hog(
                'validation_error',
                'invalid_input',
                "Reasoning effort 'max' is not supported for runtime_adapter 'claude' and model 'claude-sonnet-4-6'. Supported values: low, medium, high.",
                'reasoning_effort'
            ),
            { kind: 'validation', attr: 'reasoning_effort', field: 'reasoning_effort', missingArtifactIds: [] },
            /^Reasoning effort 'max' is not supported/,
        ],
        [
            'hog required error',
            400,
            hog('validation_error', 'required', 'This field is required when selecting a cloud runtime.', 'model'),
            { kind: 'validation', field: 'model' },
            /^This field is required when selecting a cloud runtime\.$/,
        ],
        [
            'hog nested attr',
            400,
            hog(
                'validation_error',
                'max_length',
                'Ensure this field has no more than 128 characters.',
                'pending_user_artifact_ids__0'
            ),
            { kind: 'validation', attr: 'pending_user_artifact_ids__0', field: 'pending_user_artifact_ids' },
            /no more than 128 characters/,
        ],
        [
            'hog github_authorization_required',
            400,
            hog(
                'validation_error',
                'github_authorization_required',
                'User-authored runs must be started by the task creator, or provide github_user_token.',
                'pr_authorship_mode'
            ),
            { kind: 'validation', field: 'pr_authorship_mode' },
            /task creator/,
        ],
        [
            'hog attr the model lacks stays a banner',
            400,
            // scheduled_at belongs to task creation (followup §6), not to the bundled run request
            hog('validation_error', 'invalid_input', 'Must be at most 30 days ahead', 'scheduled_at'),
            { kind: 'validation', attr: 'scheduled_at', field: undefined },
            /^PostHog rejected scheduled_at: Must be at most 30 days ahead\.$/,
        ],
        [
            '{detail} naming a field',
            400,
            { detail: 'Invalid resume_from_run_id' },
            { kind: 'validation', attr: undefined, field: 'resume_from_run_id' },
            /^Invalid resume_from_run_id\.$/,
        ],
        [
            '{detail} naming a field the model lacks',
            400,
            { detail: 'Invalid scheduled_at' },
            { kind: 'validation', field: undefined },
            /^PostHog rejected the request: Invalid scheduled_at\.$/,
        ],
        [
            '{detail, missing_artifact_ids}',
            400,
            { detail: 'Some pending_user_artifact_ids are invalid or expired', missing_artifact_ids: ['a1', 'b2'] },
            { kind: 'validation', field: 'pending_user_artifact_ids', missingArtifactIds: ['a1', 'b2'] },
            /attachments are invalid or expired: upload the marked files again/,
        ],
        [
            '{error}',
            400,
            { error: 'An analysis task runs once. Start a new analysis instead.' },
            { kind: 'validation', field: undefined, attr: undefined },
            /^PostHog rejected the request: An analysis task runs once\. Start a new analysis instead\.$/,
        ],
        [
            '401 not_authenticated',
            401,
            hog('authentication_error', 'not_authenticated', 'Authentication credentials were not provided.'),
            { kind: 'unauthenticated' },
            /received no API key/,
        ],
        [
            '403 not_authenticated',
            403,
            hog('authentication_error', 'not_authenticated', 'Authentication credentials were not provided.'),
            { kind: 'unauthenticated' },
            /received no API key/,
        ],
        [
            '401 authentication_failed',
            401,
            hog(
                'authentication_error',
                'authentication_failed',
                'Personal API key found in request Authorization header is invalid.'
            ),
            { kind: 'unauthenticated' },
            /did not accept the personal API key.*phx_/,
        ],
        [
            '403 authentication_failed',
            403,
            hog(
                'authentication_error',
                'authentication_failed',
                'Personal API key found in request Authorization header is invalid.'
            ),
            { kind: 'unauthenticated' },
            /did not accept the personal API key/,
        ],
        [
            '403 missing scope',
            403,
            hog('authentication_error', 'permission_denied', "API key missing required scope 'task:write'"),
            { kind: 'forbidden', reason: 'missing_scope', scope: 'task:write' },
            /lacks the task:write scope.*add task:write/,
        ],
        [
            '403 project not allowed',
            403,
            hog(
                'authentication_error',
                'permission_denied',
                'API key does not have access to the requested project: ID 123.'
            ),
            { kind: 'forbidden', reason: 'project_not_allowed', projectId: '123' },
            /not allowed to access project 123/,
        ],
        [
            '403 other permission (organization forbids keys)',
            403,
            hog('authentication_error', 'permission_denied', 'Your organization does not allow personal API keys.'),
            { kind: 'forbidden', reason: 'other' },
            /PostHog said: Your organization does not allow personal API keys\.$/,
        ],
        [
            '403 desktop access gate',
            403,
            { error: 'PostHog Desktop access is required to run tasks.', code: 'code_access_required' },
            { kind: 'forbidden', reason: 'desktop_access_required' },
            /PostHog Desktop access is required/,
        ],
        [
            '404 hog not_found',
            404,
            hog('invalid_request', 'not_found', 'Not found.'),
            { kind: 'not_found' },
            /could not find it/,
        ],
        [
            '429 throttled',
            429,
            hog('throttled_error', 'throttled', 'Request was throttled. Expected available in 42 seconds.'),
            { kind: 'rate_limited', retryAfterSeconds: 42, resetAt: new Date('2026-03-01T12:00:42Z') },
            /too many requests.*Try again in 42 seconds\.$/,
        ],
        [
            '429 usage limit',
            429,
            {
                type: 'rate_limited',
                code: 'usage_limit_exceeded',
                error: "You've reached your PostHog Desktop usage limit.",
                is_pro: false,
                limit_type: 'burst',
                reset_at: '2026-03-01T15:00:00Z',
            },
            {
                kind: 'rate_limited',
                limitType: 'burst',
                resetAt: new Date('2026-03-01T15:00:00Z'),
                retryAfterSeconds: 10800,
            },
            /^You've reached your PostHog Desktop usage limit\. It resets in about 3 hours/,
        ],
        [
            '429 billing limit',
            429,
            {
                type: 'billing_limit',
                code: 'compute_quota_exceeded',
                error: 'Your organization reached its PostHog Desktop usage limit.',
            },
            { kind: 'rate_limited', resetAt: undefined, retryAfterSeconds: undefined },
            /reached its PostHog Desktop usage limit\. Ask an organization admin to raise the limit.*try again later\.$/,
        ],
        [
            '429 signal report task cap',
            429,
            { type: 'rate_limit', code: 'signal_report_task_cap', error: 'This report has reached its task limit.' },
            { kind: 'rate_limited' },
            /already has as many tasks as allowed/,
        ],
        [
            '402 free trial limit',
            402,
            { code: 'self_driving_free_trial', error: 'Your free trial has ended.' },
            { kind: 'rate_limited' },
            /free trial has ended\. Ask an organization admin/,
        ],
        [
            '503 warm run with token',
            503,
            { code: 'warm_run_activation_unavailable', error: 'Warm run is activating.', retry_token: 'tok-1' },
            { kind: 'warming_up', retryToken: 'tok-1' },
            /^PostHog is getting a sandbox ready and has not started the run yet\. Wait a few seconds, then try again\.$/,
        ],
        [
            '503 warm run without token',
            503,
            { code: 'warm_run_activation_unavailable', error: 'Warm run is activating.' },
            { kind: 'warming_up', retryToken: undefined },
            /getting a sandbox ready/,
        ],
        [
            '503 desktop access could not be verified',
            503,
            { error: 'Could not verify PostHog Desktop access.' },
            { kind: 'server' },
            /status 503.*PostHog said: Could not verify PostHog Desktop access\.$/,
        ],
        [
            '500 hog server error',
            500,
            hog('server_error', 'error', 'A server error occurred.'),
            { kind: 'server' },
            /status 500\)\. Try again in a minute/,
        ],
        [
            'plain DRF field errors',
            400,
            { branch: ['Ensure this field has no more than 255 characters.'] },
            { kind: 'validation', attr: 'branch', field: 'branch' },
            /^Ensure this field has no more than 255 characters\.$/,
        ],
        [
            'plain DRF non_field_errors',
            400,
            { non_field_errors: ['Something is off.'] },
            { kind: 'validation', attr: undefined, field: undefined },
            /^PostHog rejected the request: Something is off\.$/,
        ],
        ['plain DRF list', 400, ['Something is off.'], { kind: 'validation', field: undefined }, /Something is off/],
        [
            'hog invalid_choice',
            400,
            hog('validation_error', 'invalid_choice', '"turbo" is not a valid choice.', 'mode'),
            { kind: 'validation', attr: 'mode', field: 'mode' },
            /^"turbo" is not a valid choice\.$/,
        ],
        [
            'hog permission mode not valid for the adapter',
            400,
            hog(
                'validation_error',
                'invalid_input',
                "Invalid choice 'auto' for runtime_adapter 'claude'. Supported values: 'default', 'plan'.",
                'initial_permission_mode'
            ),
            { kind: 'validation', field: 'initial_permission_mode' },
            /^Invalid choice 'auto' for runtime_adapter 'claude'/,
        ],
        [
            'hog validation error without attr',
            400,
            hog('validation_error', 'invalid_input', 'The request is invalid.'),
            { kind: 'validation', attr: undefined, field: undefined },
            /^PostHog rejected the request: The request is invalid\.$/,
        ],
        [
            '{detail} naming the sandbox field',
            400,
            { detail: 'Invalid sandbox_environment_id' },
            { kind: 'validation', field: 'sandbox_environment_id' },
            /^Invalid sandbox_environment_id\.$/,
        ],
        [
            '{detail} that names no field',
            400,
            { detail: 'Custom image is not ready (status: building)' },
            { kind: 'validation', attr: undefined, field: undefined },
            /^PostHog rejected the request: Custom image is not ready \(status: building\)\.$/,
        ],
        ['404 plain {detail}', 404, { detail: 'Not found.' }, { kind: 'not_found' }, /could not find it/],
    ])('%s', (_name, status, body, info, message) => {
        const error = parse(status, body)
        expect(error.info).toMatchObject(info)
        expect(error.kind).toBe(info.kind)
        expect(error.status).toBe(status)
        expect(error.message).toMatch(message)
    })

    it('keeps code and detail', () => {
        const error = parse(
            403,
            hog('authentication_error', 'permission_denied', "API key missing required scope 'task:read'")
        )
        expect(error.code).toBe('permission_denied')
        expect(error.detail).toBe("API key missing required scope 'task:read'")
        expect(error).toBeInstanceOf(Error)
        expect(error.name).toBe('ApiError')
    })

    it('defaults the code of a bare 429 to throttled', () => {
        expect(parse(429, '').code).toBe('throttled')
    })
})

describe('parseApiError rate-limit timing', () => {
    it.each<[string, unknown, Record<string, string>, number | undefined]>([
        ['Retry-After seconds', '', { 'Retry-After': '30' }, 30],
        ['Retry-After lower-case', '<html>slow down</html>', { 'retry-after': '7' }, 7],
        ['Retry-After HTTP date', '', { 'Retry-After': 'Sun, 01 Mar 2026 12:02:00 GMT' }, 120],
        ['Retry-After garbage', '', { 'Retry-After': 'soon' }, undefined],
        [
            'one second',
            hog('throttled_error', 'throttled', 'Request was throttled. Expected available in 1 second.'),
            {},
            1,
        ],
        ['fractional', hog('throttled_error', 'throttled', 'Expected available in 2.4 seconds.'), {}, 3],
        [
            'reset_at wins over Retry-After',
            { code: 'usage_limit_exceeded', reset_at: '2026-03-01T12:01:00Z' },
            { 'Retry-After': '5' },
            60,
        ],
        ['reset_at in the past', { code: 'usage_limit_exceeded', reset_at: '2026-03-01T11:00:00Z' }, {}, 0],
        [
            'invalid reset_at falls back',
            { code: 'usage_limit_exceeded', reset_at: 'tomorrow' },
            { 'Retry-After': '9' },
            9,
        ],
        ['nothing known', { code: 'usage_limit_exceeded', error: 'Limit.' }, {}, undefined],
        ['reset_at of the wrong type is ignored', { code: 'usage_limit_exceeded', reset_at: 1234 }, {}, undefined],
        ['truncated JSON with Retry-After', '{"code":"usage_limit_exc', { 'Retry-After': '4' }, 4],
    ])('%s', (_name, body, headers, seconds) => {
        const error = parse(429, body, headers)
        if (error.info.kind !== 'rate_limited') throw new Error(`expected rate_limited, got ${error.kind}`)
        expect(error.info.retryAfterSeconds).toBe(seconds)
        if (seconds === undefined) expect(error.info.resetAt).toBeUndefined()
        else expect(error.info.resetAt).toBeInstanceOf(Date)
    })

    it('reads headers from a Headers object', () => {
        const error = parseApiError(429, '', new Headers({ 'Retry-After': '12' }), options)
        expect(error.info).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 12 })
        expect(error.message).toMatch(/Try again in 12 seconds\./)
    })
})

describe('parseApiError on malformed bodies never throws', () => {
    const html = '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>'
    it.each<[string, number, string, string]>([
        ['HTML 404', 404, html, 'not_posthog'],
        ['HTML 400', 400, html, 'not_posthog'],
        ['HTML 401 from a proxy', 401, html, 'not_posthog'],
        ['HTML 403 from a proxy', 403, html, 'not_posthog'],
        ['HTML 502 from a load balancer', 502, html, 'server'],
        ['HTML 429', 429, html, 'rate_limited'],
        ['empty 404', 404, '', 'not_posthog'],
        ['whitespace 400', 400, '   \n', 'not_posthog'],
        ['empty 500', 500, '', 'server'],
        ['empty 503', 503, '', 'server'],
        ['truncated JSON 400', 400, '{"type":"validation_error","detail":"Inva', 'unexpected'],
        ['truncated JSON 403', 403, '{"type":"authentication_error","co', 'unexpected'],
        ['truncated JSON 503', 503, '{"code":"warm_run_activation_unav', 'server'],
        ['JSON null', 400, 'null', 'unexpected'],
        ['JSON number', 404, '42', 'unexpected'],
        ['JSON string', 400, '"oops"', 'unexpected'],
        ['JSON true', 403, 'true', 'unexpected'],
        ['empty object', 400, '{}', 'unexpected'],
        ['empty array', 404, '[]', 'unexpected'],
        ['array of numbers', 400, '[1,2]', 'unexpected'],
        [
            'wrong types everywhere',
            400,
            '{"detail":42,"attr":["x"],"code":{},"missing_artifact_ids":"a"}',
            'unexpected',
        ],
        ['detail null', 404, '{"detail":null}', 'unexpected'],
        ['a 2xx handed over by mistake', 200, '{"id":"x"}', 'unexpected'],
        ['an odd status', 418, '{"detail":"I am a teapot"}', 'unexpected'],
        [
            '405 method not allowed',
            405,
            hogText('invalid_request', 'method_not_allowed', 'Method "PUT" not allowed.'),
            'unexpected',
        ],
        ['__proto__ body', 400, '{"__proto__":{"detail":"x"},"constructor":["y"]}', 'validation'],
        ['truncated JSON 429', 429, '{"type":"rate_limited","code":"usage_li', 'rate_limited'],
        ['HTML 503 from a load balancer', 503, html, 'server'],
        ['plain-text 400', 400, 'Bad Request', 'not_posthog'],
        [
            'JSON with surrounding whitespace',
            404,
            '\n  {"type":"invalid_request","code":"not_found","detail":"Not found."} \n',
            'not_found',
        ],
        ['an object of wrong-typed DRF lists', 400, '{"branch":[1,2],"mode":{}}', 'unexpected'],
    ])('%s → %s', (_name, status, body, kind) => {
        const error = parseApiError(status, body, {}, options)
        expect(error.kind).toBe(kind)
        expect(error.message.length).toBeGreaterThan(10)
        expect(error.message).not.toMatch(/undefined|null|\[object/)
    })

    it('keeps well-typed keys when others have the wrong type', () => {
        const error = parse(400, {
            detail: 'Invalid sandbox_environment_id',
            attr: 7,
            missing_artifact_ids: [1, 'x', null],
        })
        expect(error.info).toEqual({
            kind: 'validation',
            attr: undefined,
            field: 'pending_user_artifact_ids',
            missingArtifactIds: ['x'],
        })
        expect(error.detail).toBe('Invalid sandbox_environment_id')
    })

    it('reads a warm-up token of the wrong type as no token', () => {
        const error = parse(503, { code: 'warm_run_activation_unavailable', error: 'Warming.', retry_token: 5 })
        expect(error.info).toEqual({ kind: 'warming_up', retryToken: undefined })
    })

    it('does not map prototype names to fields', () => {
        const error = parse(400, hog('validation_error', 'invalid_input', 'Bad.', '__proto__'))
        expect(error.info).toMatchObject({ kind: 'validation', field: undefined, attr: '__proto__' })
    })

    it('clips very long details', () => {
        const error = parse(400, { detail: 'x'.repeat(5000) })
        expect(error.detail?.length).toBeLessThanOrEqual(501)
    })

    it('never maps to a field without a field model', () => {
        const error = parseApiError(400, JSON.stringify(hog('validation_error', 'required', 'Required.', 'model')), {})
        expect(error.info).toMatchObject({ kind: 'validation', attr: 'model', field: undefined })
        expect(error.message).toBe('PostHog rejected model: Required.')
    })
})

function hogText(type: string, code: string, detail: string): string {
    return JSON.stringify(hog(type, code, detail))
}

describe('fieldForAttr', () => {
    it.each<[string, string | undefined]>([
        ['model', 'model'],
        ['pending_user_artifact_ids__0', 'pending_user_artifact_ids'],
        ['pending_user_artifact_ids__12__name', 'pending_user_artifact_ids'],
        ['custom_image_id', 'custom_image_id'],
        ['scheduled_at', undefined],
        ['non_field_errors', undefined],
        ['constructor', undefined],
        ['', undefined],
    ])('%s → %s', (attr, field) => {
        expect(fieldForAttr(attr, BUNDLED_FIELD_MODEL)).toBe(field)
    })
})

describe('parseApiError on nested attrs and access gates', () => {
    const today = compileSchema(buildExtendedSchemaDocument(), RUN_SCHEMA_NAME)
    const fieldModel = today.ok ? today.model : undefined

    it.each([
        ['imported_mcp_servers__1__url', 'imported_mcp_servers.1.url'],
        ['imported_mcp_servers__0__headers__2__name', 'imported_mcp_servers.0.headers.2.name'],
        ['imported_mcp_servers__0__nope', 'imported_mcp_servers'],
        ['imported_mcp_servers', 'imported_mcp_servers'],
        ['imported_mcp_servers__x__url', 'imported_mcp_servers'],
    ])('%s lands on %s', (attr, field) => {
        const error = parseApiError(
            400,
            JSON.stringify({ type: 'validation_error', code: 'invalid', detail: 'Bad.', attr }),
            {},
            { fieldModel }
        )
        expect(error.info).toMatchObject({ kind: 'validation', field })
    })

    it.each([
        [
            { code: 'code_access_required', detail: 'PostHog Desktop access is required to run tasks.' },
            'desktop_access_required',
            /not a scope of the API key/,
        ],
        [
            { code: 'permission_denied', detail: 'The Pi runtime is disabled for this project.' },
            'runtime_disabled',
            /Pi runtime is disabled/,
        ],
    ])('a 403 access gate is named for what it is, not a missing scope', (body, reason, message) => {
        const error = parseApiError(403, JSON.stringify({ type: 'authentication_error', ...body }), {})
        expect(error.info).toEqual({ kind: 'forbidden', reason })
        expect(error.message).toMatch(message)
        expect(error.message).not.toMatch(/scopes/)
    })
})
