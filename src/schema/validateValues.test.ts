import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from './bundledFieldModel.ts'
import { buildFormSchema } from './buildFormSchema.ts'
import { compileSchema } from './compileSchema.ts'
import type { FormValues } from './fieldModel.ts'
import { confirmationKey } from './fieldRules.ts'
import { resolveFields } from './resolveFields.ts'
import { copyBundledDocument, TEST_CONTEXT } from './testDocuments.ts'
import { validateValues } from './validateValues.ts'

const VALID: FormValues = { model: 'claude-sonnet-5', runtime_adapter: 'claude', mode: 'background' }
const UUID = '0b7a3b2e-58c4-4f4e-9a51-1d2f3c4b5a69'

function issues(values: FormValues): Record<string, string> {
    return Object.fromEntries(
        validateValues(BUNDLED_FIELD_MODEL, { ...VALID, ...values }, TEST_CONTEXT).map((i) => [i.field, i.message])
    )
}

function shown(values: FormValues): string[] {
    return resolveFields(BUNDLED_FIELD_MODEL, { ...VALID, ...values }, TEST_CONTEXT).map((r) => r.field.name)
}

describe('visibility rules', () => {
    it('shows signal_report_id only for signal report runs, and requires it then', () => {
        expect(shown({})).not.toContain('signal_report_id')
        expect(shown({ run_source: 'manual' })).not.toContain('signal_report_id')
        expect(shown({ run_source: 'signal_report' })).toContain('signal_report_id')
        expect(issues({ run_source: 'signal_report' })).toEqual({
            signal_report_id: 'Enter a signal report ID: it is required.',
        })
    })

    it('shows github_user_token only for user-authored PRs', () => {
        expect(shown({ pr_authorship_mode: 'bot' })).not.toContain('github_user_token')
        expect(shown({ pr_authorship_mode: 'user' })).toContain('github_user_token')
    })

    it('never validates a hidden field', () => {
        expect(issues({ run_source: 'manual', signal_report_id: ' ', github_user_token: '' })).toEqual({})
    })

    it('offers only the efforts the chosen model supports', () => {
        const effort = (model: string) =>
            resolveFields(BUNDLED_FIELD_MODEL, { ...VALID, model }, TEST_CONTEXT).find(
                (r) => r.field.name === 'reasoning_effort'
            )
        expect(effort('claude-sonnet-4-6')?.options.map((o) => o.value)).toEqual(['low', 'medium', 'high'])
        expect(effort('claude-opus-4-6')?.options.map((o) => o.value)).toEqual([
            'low',
            'medium',
            'high',
            'xhigh',
            'max',
        ])
        expect(effort('claude-sonnet-4-6')?.unavailableReason).toBeUndefined()
        expect(effort('my-own-model')?.unavailableReason).toBe(
            'my-own-model has no reasoning effort control, so none is sent.'
        )
        expect(effort('moonshotai/kimi-k3')?.options).toEqual([])
        expect(effort('')?.unavailableReason).toMatch(/Choose a model first/)
    })

    it('asks for confirmation of bypassPermissions', () => {
        const key = confirmationKey('initial_permission_mode')
        expect(issues({ initial_permission_mode: 'bypassPermissions' })).toEqual({
            [key]: 'Tick the box to confirm, or choose another mode.',
        })
        expect(issues({ initial_permission_mode: 'bypassPermissions', [key]: true })).toEqual({})
        expect(issues({ initial_permission_mode: 'plan' })).toEqual({})
    })
})

describe('validation agrees with the server', () => {
    it.each<[string, FormValues, Record<string, string>]>([
        ['a missing model', { model: '' }, { model: 'Enter a model: it is required.' }],
        ['a blank model', { model: '   ' }, { model: 'Enter a model: it is required.' }],
        [
            'a 256-character branch',
            { branch: 'b'.repeat(256) },
            { branch: 'This can be at most 255 characters; this one has 256. Shorten it.' },
        ],
        ['a 255-character branch', { branch: 'b'.repeat(255) }, {}],
        // PostHog answers 400 on a blank branch: spaces typed are refused, an empty field is simply left out
        [
            'a branch of only spaces',
            { branch: '   ' },
            { branch: 'Branch can’t be only spaces: clear it to use the repository’s default branch.' },
        ],
        [
            'a branch of a tab and a newline',
            { branch: '\t\n' },
            { branch: 'Branch can’t be only spaces: clear it to use the repository’s default branch.' },
        ],
        ['an empty branch', { branch: '' }, {}],
        ['a branch with spaces around it', { branch: ' fix/login ' }, {}],
        ['a branch of 255 emoji', { branch: '🚀'.repeat(255) }, {}],
        [
            'a malformed resume id',
            { resume_from_run_id: 'not-a-uuid' },
            { resume_from_run_id: expect.stringMatching(/^Enter a UUID/) },
        ],
        [
            'a malformed sandbox id',
            { sandbox_environment_id: '1234' },
            { sandbox_environment_id: expect.stringMatching(/^Enter a UUID/) },
        ],
        ['a valid uuid', { resume_from_run_id: UUID, sandbox_environment_id: UUID.toUpperCase() }, {}],
        ['a bare-hex uuid', { resume_from_run_id: UUID.replaceAll('-', '') }, {}],
        [
            'a 129-character artifact id',
            { pending_user_artifact_ids: ['ok', 'a'.repeat(129)] },
            { pending_user_artifact_ids: 'Each entry can be at most 128 characters; this one has 129. Shorten it.' },
        ],
        ['an unknown enum value', { mode: 'turbo' }, { mode: 'Choose one of: interactive, background.' }],
        ['a wrong runtime', { runtime_adapter: 'codex' }, {}],
        [
            'an effort the model lacks',
            { model: 'claude-sonnet-4-6', reasoning_effort: 'max' },
            {
                reasoning_effort: expect.stringContaining(
                    'claude-sonnet-4-6 supports only these efforts: low, medium, high'
                ),
            },
        ],
        ['an effort for an unknown model', { model: 'mystery', reasoning_effort: 'high' }, {}],
        [
            'user PRs on a signal report run',
            { run_source: 'signal_report', signal_report_id: 'r1', pr_authorship_mode: 'user' },
            { pr_authorship_mode: expect.stringContaining('always open pull requests as the bot') },
        ],
        [
            'bot PRs on a signal report run',
            { run_source: 'signal_report', signal_report_id: 'r1', pr_authorship_mode: 'bot' },
            {},
        ],
    ])('%s', (_, values, expected) => {
        expect(issues(values)).toEqual(expected)
    })

    it('validates new properties from the schema with no code change', () => {
        const { document, properties, schemas } = copyBundledDocument()
        properties['fast_mode'] = { type: 'boolean', nullable: true }
        properties['context_window'] = { allOf: [{ $ref: '#/components/schemas/ContextWindowEnum' }] }
        schemas['ContextWindowEnum'] = { enum: ['200k', '1m'], type: 'string' }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        if (!result.ok) throw new Error('compile failed')
        const check = (values: FormValues) =>
            validateValues(result.model, { ...VALID, ...values }, TEST_CONTEXT).map((i) => [i.field, i.message])
        expect(check({ fast_mode: 'maybe', context_window: '2m' })).toEqual([
            ['context_window', 'Choose one of: 200k, 1m.'],
            ['fast_mode', 'Choose yes or no.'],
        ])
        expect(check({ model: 'claude-opus-4-7', fast_mode: 'true', context_window: '1m' })).toEqual([])
        // PostHog offers fast mode and a 1M window per model (§6).
        expect(check({ model: 'claude-opus-4-5', fast_mode: 'true', context_window: '1m' })).toEqual([
            ['context_window', 'claude-opus-4-5 does not offer a 1M context window. Leave it to PostHog.'],
            ['fast_mode', 'claude-opus-4-5 does not offer fast mode. Leave it to PostHog.'],
        ])
    })
})

describe('buildFormSchema', () => {
    const schema = buildFormSchema(BUNDLED_FIELD_MODEL, TEST_CONTEXT)

    it('outputs the request body for valid values', () => {
        const result = schema.safeParse({ ...VALID, pending_user_message: '  hi  ' })
        expect(result.success && result.data).toEqual({
            model: 'claude-sonnet-5',
            mode: 'background',
            runtime_adapter: 'claude',
            pending_user_message: 'hi',
        })
    })

    it('reports each issue at its field path', () => {
        const result = schema.safeParse({ ...VALID, model: '', branch: 'x'.repeat(300) })
        expect(result.success).toBe(false)
        expect(result.error?.issues.map((i) => i.path)).toEqual([['model'], ['branch']])
    })

    it('refuses input that is not an object', () => {
        expect(schema.safeParse(null).success).toBe(false)
    })
})
