import { describe, expect, it } from 'vitest'

import { DEMO_MODELS } from './seedData.ts'
import { clampPermissionMode, validateRunRequest } from './validateRunRequest.ts'

const CLAUDE = { runtime_adapter: 'claude', model: 'claude-sonnet-5' }
const REQUIRED_FOR_RUNTIME = 'This field is required when selecting a cloud runtime.'

function refusal(status: number, body: unknown) {
    return { ok: false, failure: { status, body } }
}

function fieldError(code: string, detail: string, attr: string | null) {
    return refusal(400, { type: 'validation_error', code, detail, attr })
}

describe('validateRunRequest', () => {
    it.each([
        ['a string given a number', { branch: 5 }, fieldError('invalid_input', 'Not a valid string.', 'branch')],
        ['an unknown choice', { mode: 'x' }, fieldError('invalid_choice', '"x" is not a valid choice.', 'mode')],
        [
            'a number where a choice is expected',
            { reasoning_effort: 3 },
            fieldError('invalid_choice', '"3" is not a valid choice.', 'reasoning_effort'),
        ],
        [
            'a branch over 255 characters',
            { branch: 'b'.repeat(256) },
            fieldError('max_length', 'Ensure this field has no more than 255 characters.', 'branch'),
        ],
        [
            'a malformed uuid',
            { sandbox_environment_id: 'env-1' },
            fieldError('invalid_input', 'Must be a valid UUID.', 'sandbox_environment_id'),
        ],
        [
            'a long artifact id',
            { pending_user_artifact_ids: ['a', 'x'.repeat(129)] },
            fieldError(
                'max_length',
                'Ensure this field has no more than 128 characters.',
                'pending_user_artifact_ids__1'
            ),
        ],
        [
            'artifact ids that are not a list',
            { pending_user_artifact_ids: 'a' },
            fieldError('not_a_list', 'Expected a list of items but got type "str".', 'pending_user_artifact_ids'),
        ],
        ['a blank model', { ...CLAUDE, model: '  ' }, fieldError('blank', 'This field may not be blank.', 'model')],
        [
            'a blank signal report id',
            { signal_report_id: '' },
            fieldError('blank', 'This field may not be blank.', 'signal_report_id'),
        ],
        [
            'a blank GitHub token',
            { github_user_token: '' },
            fieldError('blank', 'This field may not be blank.', 'github_user_token'),
        ],
        ['a null model', { model: null }, fieldError('null', 'This field may not be null.', 'model')],
        [
            'a body that is not an object',
            ['x'],
            fieldError('invalid_input', 'Invalid data. Expected a dictionary, but got list.', null),
        ],
        [
            'a permission mode no runtime has',
            { initial_permission_mode: 'ask-always' },
            fieldError('invalid_choice', '"ask-always" is not a valid choice.', 'initial_permission_mode'),
        ],
        [
            'a permission mode of the other adapter',
            { runtime_adapter: 'codex', model: 'gpt-5', initial_permission_mode: 'bypassPermissions' },
            fieldError(
                'invalid_input',
                "Invalid choice 'bypassPermissions' for runtime_adapter 'codex'. Supported values: 'auto', 'read-only', 'full-access', 'plan'.",
                'initial_permission_mode'
            ),
        ],
        [
            'an effort without adapter and model',
            { reasoning_effort: 'high' },
            fieldError('required', REQUIRED_FOR_RUNTIME, 'runtime_adapter'),
        ],
        [
            'an adapter without a model',
            { runtime_adapter: 'claude' },
            fieldError('required', REQUIRED_FOR_RUNTIME, 'model'),
        ],
        ['fast mode alone', { fast_mode: false }, fieldError('required', REQUIRED_FOR_RUNTIME, 'runtime_adapter')],
        [
            'an effort the model lacks',
            { runtime_adapter: 'claude', model: 'claude-sonnet-4-6', reasoning_effort: 'max' },
            fieldError(
                'invalid_input',
                "Reasoning effort 'max' is not supported for runtime_adapter 'claude' and model 'claude-sonnet-4-6'. Supported values: low, medium, high.",
                'reasoning_effort'
            ),
        ],
        [
            'any effort on an unknown Claude model',
            { runtime_adapter: 'claude', model: 'claude-future-9', reasoning_effort: 'low' },
            fieldError(
                'invalid_input',
                "Reasoning effort 'low' is not supported for runtime_adapter 'claude' and model 'claude-future-9'. Supported values: none.",
                'reasoning_effort'
            ),
        ],
        [
            'any effort on a model without efforts',
            { runtime_adapter: 'claude', model: 'moonshotai/kimi-k3', reasoning_effort: 'high' },
            expect.objectContaining({
                failure: expect.objectContaining({
                    body: expect.objectContaining({ detail: expect.stringMatching(/Supported values: none\.$/) }),
                }),
            }),
        ],
    ])('refuses %s', (_name, body, expected) => {
        expect(validateRunRequest(body, DEMO_MODELS)).toEqual(expected)
    })

    it('reports only the first error, in serializer field order', () => {
        const result = validateRunRequest(
            { reasoning_effort: 'nope', model: '', branch: 7, mode: 'x', initial_permission_mode: 'plan' },
            DEMO_MODELS
        )
        expect(result).toEqual(fieldError('invalid_choice', '"x" is not a valid choice.', 'mode'))
    })

    it('checks fields before the cross-field rules', () => {
        const result = validateRunRequest({ reasoning_effort: 'high', github_user_token: 3 }, DEMO_MODELS)
        expect(result).toEqual(fieldError('invalid_input', 'Not a valid string.', 'github_user_token'))
    })

    it.each([
        ['an empty body', {}, {}],
        ['unknown keys, which are dropped', { ...CLAUDE, colour: 'blue' }, CLAUDE],
        [
            'a canonicalised uuid and a trimmed message',
            { resume_from_run_id: '{0196A1B2-0002-7000-8000-000000000003}', pending_user_message: '  hi  ' },
            { resume_from_run_id: '0196a1b2-0002-7000-8000-000000000003', pending_user_message: 'hi' },
        ],
        [
            'newer fields and ultracode',
            {
                ...CLAUDE,
                model: 'claude-opus-5',
                reasoning_effort: 'ultracode',
                context_window: '1m',
                fast_mode: 'true',
                rtk_enabled: null,
            },
            {
                ...CLAUDE,
                model: 'claude-opus-5',
                reasoning_effort: 'ultracode',
                context_window: '1m',
                fast_mode: true,
                rtk_enabled: null,
            },
        ],
        [
            'a Codex model within its efforts',
            { runtime_adapter: 'codex', model: 'gpt-5.5', reasoning_effort: 'xhigh', initial_permission_mode: 'auto' },
            { runtime_adapter: 'codex', model: 'gpt-5.5', reasoning_effort: 'xhigh', initial_permission_mode: 'auto' },
        ],
        // the newest serializer: the mode is clamped to the runtime the run resolves to, not refused
        [
            'a permission mode without an adapter',
            { initial_permission_mode: 'plan' },
            { initial_permission_mode: 'plan' },
        ],
        [
            'a Codex permission mode without an adapter',
            { initial_permission_mode: 'read-only' },
            { initial_permission_mode: 'read-only' },
        ],
    ])('accepts %s', (_name, body, request) => {
        expect(validateRunRequest(body, DEMO_MODELS)).toEqual({ ok: true, request })
    })
})

describe('clampPermissionMode', () => {
    it.each([
        ['read-only', 'claude', 'default'],
        ['plan', 'claude', 'plan'],
        ['acceptEdits', 'codex', 'auto'],
        ['read-only', 'codex', 'read-only'],
        ['acceptEdits', 'claude', 'acceptEdits'],
    ])('%s on %s runs as %s', (mode, adapter, expected) => {
        expect(clampPermissionMode(mode, adapter)).toBe(expected)
    })
})
