import { describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import { mergeInitialValues } from '../links/mergePrefill.ts'
import { carryFormValues } from './carryFormValues.ts'

function liveModel(): FieldModel {
    const result = compileSchema(buildExtendedSchemaDocument(), RUN_SCHEMA_NAME)
    if (!result.ok) throw new Error('the extended document should compile')
    return result.model
}

const LIVE = liveModel()

const BUNDLED_START = mergeInitialValues(BUNDLED_FIELD_MODEL, {})

function typedUnderBundled(changes: FormValues): FormValues {
    return { ...BUNDLED_START, ...changes }
}

describe('carryFormValues', () => {
    it('keeps what was typed, secrets and confirmations included', () => {
        const current = typedUnderBundled({
            model: 'claude-opus-4-7',
            pending_user_message: 'Fix the flaky test',
            pending_user_artifact_ids: ['a1'],
            pr_authorship_mode: 'user',
            github_user_token: 'ghp_typedByTheUser',
            initial_permission_mode: 'bypassPermissions',
            $confirm_initial_permission_mode: true,
        })
        const carried = carryFormValues(LIVE, { current, initial: BUNDLED_START, url: {}, locked: [] })
        expect(carried).toMatchObject({
            model: 'claude-opus-4-7',
            pending_user_message: 'Fix the flaky test',
            pending_user_artifact_ids: ['a1'],
            github_user_token: 'ghp_typedByTheUser',
            initial_permission_mode: 'bypassPermissions',
            $confirm_initial_permission_mode: true,
        })
    })

    it('gives new fields the link value, else the schema default', () => {
        const carried = carryFormValues(LIVE, {
            current: typedUnderBundled({}),
            initial: BUNDLED_START,
            url: { auto_publish: 'true', context_window: '1m' },
            locked: [],
        })
        expect(carried).toMatchObject({
            auto_publish: 'true',
            context_window: '1m',
            fast_mode: '',
            rtk_enabled: '',
            custom_image_id: '',
        })
    })

    it('prefers what the user changed over the link for fields both models have', () => {
        const carried = carryFormValues(LIVE, {
            current: typedUnderBundled({ branch: 'edited-by-user' }),
            initial: BUNDLED_START,
            url: { branch: 'from-link', reasoning_effort: 'ultracode' },
            locked: [],
        })
        expect(carried['branch']).toBe('edited-by-user')
        // The bundled enum had no ultracode, so the link's value waited for the live one.
        expect(carried['reasoning_effort']).toBe('ultracode')
    })

    it('gives an untouched field the new schema default, and keeps a changed one', () => {
        const document = buildExtendedSchemaDocument()
        const properties = document.components.schemas.ClaudeTaskRunCreateSchema.properties
        properties.reasoning_effort = { ...properties.reasoning_effort, ...{ default: 'high' } }
        properties.branch = { ...properties.branch, ...{ default: 'main' } }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        if (!result.ok) throw new Error('should compile')
        const carried = carryFormValues(result.model, {
            current: typedUnderBundled({ branch: '' }),
            initial: { ...BUNDLED_START, branch: 'from-an-old-link' },
            url: {},
            locked: [],
        })
        expect(carried['reasoning_effort']).toBe('high')
        expect(carried['branch']).toBe('')
    })

    it('drops a value the new field cannot hold, and takes the link value for a locked field', () => {
        const current = typedUnderBundled({ mode: 'turbo', auto_publish: 'maybe' })
        const carried = carryFormValues(LIVE, {
            current: { ...current, context_window: '1m' },
            initial: BUNDLED_START,
            url: { context_window: '200k' },
            locked: ['context_window'],
        })
        expect(carried['mode']).toBe('background')
        expect(carried['auto_publish']).toBe('')
        expect(carried['context_window']).toBe('200k')
    })

    it('never takes a secret from the link', () => {
        const carried = carryFormValues(LIVE, {
            current: typedUnderBundled({ github_user_token: '' }),
            initial: BUNDLED_START,
            url: { github_user_token: 'ghp_fromALink' },
            locked: [],
        })
        expect(carried['github_user_token']).toBe('')
    })

    it('keeps values of fields the new model lacks, unsent, and copies lists', () => {
        const artifacts = ['a1']
        const current = { ...typedUnderBundled({ pending_user_artifact_ids: artifacts }), fast_mode: 'true' }
        const carried = carryFormValues(BUNDLED_FIELD_MODEL, { current, initial: BUNDLED_START, url: {}, locked: [] })
        expect(carried['fast_mode']).toBe('true')
        expect(carried['pending_user_artifact_ids']).toEqual(['a1'])
        expect(carried['pending_user_artifact_ids']).not.toBe(artifacts)
    })
})
