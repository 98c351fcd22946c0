import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { buildFieldValidator } from '../schema/buildFieldValidator.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { confirmationKey } from '../schema/fieldRules.ts'
import { decodeFieldValues } from './decodeFieldValues.ts'
import { TEST_FIELD_MODEL, fieldOf } from './testFieldModel.ts'

const UUID = '0b7a3b2e-58c4-4f4e-9a51-1d2f3c4b5a69'
const GITHUB_TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'
const POSTHOG_KEY = 'phx_a1b2c3d4e5f6g7h8i9j0'

function decode(entries: [string, unknown][]) {
    return decodeFieldValues(TEST_FIELD_MODEL, entries)
}

function messages(entries: [string, unknown][]): string[] {
    return decode(entries).problems.map((problem) => problem.message)
}

describe('decodeFieldValues: valid values of every field kind', () => {
    it.each<[string, string, unknown, unknown]>([
        ['text', 'branch', 'feature/login', 'feature/login'],
        ['text keeps its spacing', 'branch', ' main ', ' main '],
        ['text at its maximum length', 'branch', 'b'.repeat(255), 'b'.repeat(255)],
        ['text counted by code point', 'branch', '😀'.repeat(255), '😀'.repeat(255)],
        [
            'long text',
            'pending_user_message',
            'Fix the flaky test.\nThen open a PR.',
            'Fix the flaky test.\nThen open a PR.',
        ],
        ['a uuid', 'resume_from_run_id', UUID, UUID],
        [
            'a bare, upper-case uuid',
            'sandbox_environment_id',
            'ABCDEF0123456789ABCDEF0123456789',
            'ABCDEF0123456789ABCDEF0123456789',
        ],
        ['a uuid, trimmed', 'resume_from_run_id', ` ${UUID} `, UUID],
        ['an enum option', 'mode', 'interactive', 'interactive'],
        ['an enum option, trimmed', 'initial_permission_mode', ' plan ', 'plan'],
        ['the constant', 'runtime_adapter', 'claude', 'claude'],
        ['a boolean as text', 'auto_publish', 'true', 'true'],
        ['false as text', 'fast_mode', 'false', 'false'],
        ['a real boolean (embed messages)', 'auto_publish', false, 'false'],
        ['a list of strings', 'pending_user_artifact_ids', ['a', 'b'], ['a', 'b']],
        ['a list with blank entries dropped and entries trimmed', 'labels', [' x ', '', '  '], ['x']],
        ['one string for a list', 'labels', 'solo', ['solo']],
        ['a one-item list for a scalar', 'model', ['claude-opus-5'], 'claude-opus-5'],
        ['a blank enum (explicitly empty)', 'mode', '', ''],
        ['a blank uuid', 'resume_from_run_id', '  ', ''],
        ['an empty list', 'labels', [], []],
    ])('reads %s', (_, name, raw, expected) => {
        const result = decode([[name, raw]])
        expect(result.problems).toEqual([])
        expect(result.values).toEqual({ [name]: expected })
    })

    it('adds up repeated names into one list, as URLSearchParams gives them', () => {
        const params = new URLSearchParams('pending_user_artifact_ids=a&pending_user_artifact_ids=b&model=m')
        expect(decodeFieldValues(TEST_FIELD_MODEL, params).values).toEqual({
            pending_user_artifact_ids: ['a', 'b'],
            model: 'm',
        })
    })

    it('accepts a Map of grouped values', () => {
        const grouped = new Map([['labels', ['x', 'y']]])
        expect(decodeFieldValues(TEST_FIELD_MODEL, grouped).values).toEqual({ labels: ['x', 'y'] })
    })

    it('reads conditional fields as the form does: the rules decide later whether they show', () => {
        const result = decode([
            ['run_source', 'signal_report'],
            ['signal_report_id', 'sr-42'],
        ])
        expect(result).toEqual({
            values: { run_source: 'signal_report', signal_report_id: 'sr-42' },
            problems: [],
            refusedSecrets: [],
        })
    })
})

describe('decodeFieldValues: every invalid value is a problem that says which and why', () => {
    it.each<[string, string, unknown, string]>([
        ['an unknown name', 'colour', 'red', 'colour: unknown parameter; this form has no field by that name.'],
        [
            'a confirmation key',
            confirmationKey('initial_permission_mode'),
            'true',
            '$confirm_initial_permission_mode: unknown parameter; this form has no field by that name.',
        ],
        ['__proto__', '__proto__', 'x', '__proto__: unknown parameter; this form has no field by that name.'],
        ['constructor', 'constructor', 'x', 'constructor: unknown parameter; this form has no field by that name.'],
        [
            'an empty name',
            '',
            'x',
            '(a parameter with no name): unknown parameter; this form has no field by that name.',
        ],
        [
            'an enum value that is not an option',
            'mode',
            'turbo',
            'mode: "turbo" is not one of the allowed values (interactive, background).',
        ],
        [
            'an enum value in the wrong case',
            'pr_authorship_mode',
            'Bot',
            'pr_authorship_mode: "Bot" is not one of the allowed values (user, bot).',
        ],
        [
            'a uuid that is not one',
            'resume_from_run_id',
            'run-7',
            `resume_from_run_id: "run-7" is not a UUID (like ${UUID}).`,
        ],
        ['text that is too long', 'branch', 'b'.repeat(300), 'branch: too long (300 characters; at most 255).'],
        [
            'a list entry that is too long',
            'pending_user_artifact_ids',
            ['ok', 'a'.repeat(129)],
            'pending_user_artifact_ids: entry 2 is too long (129 characters; at most 128), so it was left out.',
        ],
        ['a boolean that is not true or false', 'auto_publish', 'yes', 'auto_publish: "yes" is not true or false.'],
        [
            'another constant',
            'runtime_adapter',
            'codex',
            'runtime_adapter: "codex" is not allowed; the only value is claude.',
        ],
        ['a scalar given twice', 'model', ['a', 'b'], 'model: got 2 values, but it takes one.'],
        ['a scalar given as an empty list', 'model', [], 'model: has no value.'],
        ['a number', 'model', 5, 'model: expected text, got a number.'],
        ['null', 'branch', null, 'branch: expected text, got null.'],
        ['an object', 'branch', { a: 1 }, 'branch: expected text, got an object.'],
        ['a boolean for a text field', 'branch', true, 'branch: expected text, got true/false.'],
        ['a number for a boolean field', 'auto_publish', 1, 'auto_publish: expected true or false, got a number.'],
        ['a nested list', 'model', [['a']], 'model: expected text, got a list.'],
        ['a number in a list', 'labels', ['a', 7], 'labels: entry 2 is a number, not text, so it was left out.'],
    ])('reports %s', (_, name, raw, message) => {
        expect(messages([[name, raw]])).toEqual([message])
    })

    it('shortens long names and values it echoes', () => {
        const [message] = messages([['mode', 'x'.repeat(100)]])
        expect(message).toBe(`mode: "${'x'.repeat(40)}…" is not one of the allowed values (interactive, background).`)
    })

    it('still applies the valid parameters and the valid entries of a list', () => {
        const result = decode([
            ['model', 'claude-opus-5'],
            ['mode', 'turbo'],
            ['labels', ['keep', 5]],
        ])
        expect(result.values).toEqual({ model: 'claude-opus-5', labels: ['keep'] })
        expect(result.problems.map((problem) => problem.name)).toEqual(['mode', 'labels'])
    })

    it('sets nothing for a list whose entries were all refused, so the draft or default still applies', () => {
        expect(decode([['labels', [5]]]).values).toEqual({})
    })
})

describe('decodeFieldValues: secrets are refused', () => {
    it.each<[string, string, unknown, string]>([
        [
            'a writeOnly field',
            'github_user_token',
            'anything',
            'github_user_token: secrets are never prefilled, so this value was ignored. Enter it in the form instead.',
        ],
        [
            'another writeOnly field',
            'webhook_secret',
            's3cret',
            'webhook_secret: secrets are never prefilled, so this value was ignored. Enter it in the form instead.',
        ],
        ['api_key', 'api_key', 'k', 'api_key: API keys and tokens are never prefilled, so this value was ignored.'],
        [
            'personal_api_key',
            'personal_api_key',
            'k',
            'personal_api_key: API keys and tokens are never prefilled, so this value was ignored.',
        ],
        ['apikey', 'apikey', 'k', 'apikey: API keys and tokens are never prefilled, so this value was ignored.'],
        ['key', 'key', 'k', 'key: API keys and tokens are never prefilled, so this value was ignored.'],
        ['token', 'token', 'k', 'token: API keys and tokens are never prefilled, so this value was ignored.'],
        [
            'posthog_api_key',
            'posthog_api_key',
            'k',
            'posthog_api_key: API keys and tokens are never prefilled, so this value was ignored.',
        ],
        [
            'X-Api-Key',
            'X-Api-Key',
            'k',
            'X-Api-Key: API keys and tokens are never prefilled, so this value was ignored.',
        ],
        [
            'github_token',
            'github_token',
            'k',
            'github_token: API keys and tokens are never prefilled, so this value was ignored.',
        ],
        [
            'a PostHog key in any field',
            'branch',
            POSTHOG_KEY,
            'branch: the value looks like a PostHog API key, so it was ignored: keys and tokens are never prefilled.',
        ],
        [
            'a GitHub token in a message',
            'pending_user_message',
            `use ${GITHUB_TOKEN} please`,
            'pending_user_message: the value looks like a GitHub token, so it was ignored: keys and tokens are never prefilled.',
        ],
        [
            'an OAuth token',
            'model',
            'gho_abc',
            'model: the value looks like a GitHub token, so it was ignored: keys and tokens are never prefilled.',
        ],
        [
            'a fine-grained token',
            'labels',
            ['ok', 'github_pat_11ABC'],
            'labels: the value looks like a GitHub token, so it was ignored: keys and tokens are never prefilled.',
        ],
        [
            'a key under an unknown name',
            'whatever',
            POSTHOG_KEY,
            'whatever: the value looks like a PostHog API key, so it was ignored: keys and tokens are never prefilled.',
        ],
    ])('refuses %s', (_, name, raw, message) => {
        const result = decode([[name, raw]])
        expect(result.values).toEqual({})
        expect(result.refusedSecrets).toEqual([name])
        expect(result.problems).toEqual([{ name, reason: 'secret', message }])
    })

    it.each(['alpha_beta', 'graph_x', 'the ghp_ prefix', 'morphs_1'])('does not mistake %s for a token', (value) => {
        expect(decode([['branch', value]]).refusedSecrets).toEqual([])
    })
})

describe('decodeFieldValues never throws', () => {
    const names = fc.oneof(
        fc.constantFrom(...TEST_FIELD_MODEL.fields.map((field) => field.name), '__proto__', 'constructor', 'prototype'),
        fc.string()
    )

    it('on any values under any names, and every name is applied or reported', () => {
        fc.assert(
            fc.property(fc.array(fc.tuple(names, fc.anything())), (entries) => {
                const result = decodeFieldValues(TEST_FIELD_MODEL, entries)
                const reported = new Set(result.problems.map((problem) => problem.name))
                for (const [name] of entries) {
                    expect(Object.hasOwn(result.values, name) || reported.has(name)).toBe(true)
                }
                for (const [name, value] of Object.entries(result.values)) {
                    const field = fieldOf(TEST_FIELD_MODEL, name)
                    expect(field.sensitive).toBe(false)
                    const checked = typeof value === 'string' ? value.trim() : value
                    if (checked !== '') expect(buildFieldValidator(field).safeParse(checked).success).toBe(true)
                }
            })
        )
    })

    it('on the bundled model too', () => {
        fc.assert(
            fc.property(fc.array(fc.tuple(fc.string(), fc.oneof(fc.string(), fc.array(fc.string())))), (entries) => {
                expect(() => decodeFieldValues(BUNDLED_FIELD_MODEL, entries)).not.toThrow()
            })
        )
    })
})
