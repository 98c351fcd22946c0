import { describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { validateRunRequest } from '../../fake-posthog/validateRunRequest.ts'
import { DEMO_MODELS } from '../../fake-posthog/seedData.ts'
import { BUNDLED_MODELS } from '../contract/bundledModelCatalog.ts'
import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from './bundledFieldModel.ts'
import { buildRequestBody } from './buildRequestBody.ts'
import { compileSchema } from './compileSchema.ts'
import type { FormValues } from './fieldModel.ts'
import type { RuleContext } from './fieldRules.ts'
import { resolveFields } from './resolveFields.ts'
import { runDefaultsLabel, type RunDefaults } from './runDefaults.ts'
import { validateValues } from './validateValues.ts'

const SONNET: RunDefaults = {
    runtimeAdapter: 'claude',
    model: 'claude-sonnet-4-6',
    reasoningEffort: 'medium',
    source: 'user',
}
const WITH_DEFAULTS: RuleContext = { models: BUNDLED_MODELS, runDefaults: SONNET }
const WITHOUT: RuleContext = { models: BUNDLED_MODELS }

const compiled = compileSchema(buildExtendedSchemaDocument(), RUN_SCHEMA_NAME)
if (!compiled.ok) throw new Error('today’s schema did not compile')
const TODAY = compiled.model

const LEFT: FormValues = {
    model: '',
    runtime_adapter: 'claude',
    reasoning_effort: 'high',
    context_window: '1m',
    fast_mode: 'true',
    mode: 'background',
    pending_user_message: 'Fix it',
}

describe('the model left to PostHog', () => {
    // [name, schema, values, context, body sent, fields with issues]
    it.each<[string, typeof TODAY, FormValues, RuleContext, Record<string, unknown>, string[]]>([
        [
            'with a default: nothing of the runtime is sent, not even a picked effort',
            TODAY,
            LEFT,
            WITH_DEFAULTS,
            { mode: 'background', pending_user_message: 'Fix it' },
            [],
        ],
        [
            'with a default, bundled schema: the required model is not required',
            BUNDLED_FIELD_MODEL,
            { ...LEFT, context_window: '', fast_mode: '' },
            WITH_DEFAULTS,
            { mode: 'background', pending_user_message: 'Fix it' },
            [],
        ],
        [
            'without a default the model stays required, as the bundled schema says',
            BUNDLED_FIELD_MODEL,
            { ...LEFT, reasoning_effort: '', context_window: '', fast_mode: '' },
            WITHOUT,
            { runtime_adapter: 'claude', mode: 'background', pending_user_message: 'Fix it' },
            ['model'],
        ],
        [
            'a chosen model is sent as before, with its adapter and effort',
            TODAY,
            { ...LEFT, model: 'claude-opus-4-6', context_window: '', fast_mode: '' },
            WITH_DEFAULTS,
            {
                model: 'claude-opus-4-6',
                runtime_adapter: 'claude',
                reasoning_effort: 'high',
                mode: 'background',
                pending_user_message: 'Fix it',
            },
            [],
        ],
    ])('%s', (_name, model, values, context, body, issueFields) => {
        expect(buildRequestBody(model, values, context)).toEqual(body)
        expect(validateValues(model, values, context).map((issue) => issue.field)).toEqual(issueFields)
    })

    it('the body left to PostHog is one the fake PostHog accepts', () => {
        const body = buildRequestBody(TODAY, LEFT, WITH_DEFAULTS)
        expect(validateRunRequest(body, DEMO_MODELS).ok).toBe(true)
    })

    it('says what PostHog will use for the fields it decides', () => {
        const reasons = new Map(
            resolveFields(TODAY, LEFT, WITH_DEFAULTS).map((entry) => [entry.field.name, entry.unavailableReason])
        )
        expect(reasons.get('runtime_adapter')).toBe('PostHog’s default decides this: claude.')
        expect(reasons.get('reasoning_effort')).toBe(
            'PostHog’s default decides this: medium. Choose a model to set another.'
        )
        expect(reasons.get('context_window')).toBe('PostHog’s default model decides this. Choose a model to set it.')
        expect(reasons.get('model')).toBeUndefined()
    })
})

describe('runDefaultsLabel', () => {
    it.each<[string, RunDefaults, string]>([
        [
            'by catalogue name, with the effort',
            SONNET,
            'PostHog’s default (Claude Sonnet 4.6 · medium), your saved default',
        ],
        [
            "the project's, without an effort",
            { ...SONNET, reasoningEffort: undefined, source: 'team' },
            'PostHog’s default (Claude Sonnet 4.6), the project’s default',
        ],
        [
            'a model the catalogue does not know, by id',
            { ...SONNET, model: 'claude-lab-9' },
            'PostHog’s default (claude-lab-9 · medium), your saved default',
        ],
        [
            'a prefixed id found after normalising',
            { ...SONNET, model: 'anthropic/Claude-Sonnet-4-6' },
            'PostHog’s default (Claude Sonnet 4.6 · medium), your saved default',
        ],
    ])('%s', (_name, defaults, label) => {
        expect(runDefaultsLabel(defaults, BUNDLED_MODELS)).toBe(label)
    })
})
