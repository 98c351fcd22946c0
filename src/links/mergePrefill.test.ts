import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { mergeInitialValues } from './mergePrefill.ts'

const DEFAULTS = {
    model: '',
    reasoning_effort: '',
    initial_permission_mode: '',
    mode: 'background',
    runtime_adapter: 'claude',
    pending_user_message: '',
    pending_user_artifact_ids: [],
    branch: '',
    sandbox_environment_id: '',
    pr_authorship_mode: '',
    github_user_token: '',
    run_source: '',
    signal_report_id: '',
    resume_from_run_id: '',
    // today's run request (followup §6): tri-state booleans and optional choices start unset, MCP lists empty
    custom_image_id: '',
    auto_publish: '',
    context_window: '',
    fast_mode: '',
    imported_mcp_servers: [],
    relayed_mcp_servers: [],
    claude_model_access: '',
    benjamin_enabled: '',
    rtk_enabled: '',
}

describe('mergeInitialValues', () => {
    it('falls back to the schema defaults', () => {
        expect(mergeInitialValues(BUNDLED_FIELD_MODEL, {})).toEqual(DEFAULTS)
    })

    it('takes the link first, then the draft, then the defaults', () => {
        const values = mergeInitialValues(BUNDLED_FIELD_MODEL, {
            url: { model: 'from-link', mode: '' },
            draft: { model: 'from-draft', branch: 'draft-branch', mode: 'interactive' },
        })
        expect(values).toEqual({ ...DEFAULTS, model: 'from-link', branch: 'draft-branch', mode: '' })
    })

    it('never takes a locked field from the draft', () => {
        const values = mergeInitialValues(BUNDLED_FIELD_MODEL, {
            url: { model: 'from-link' },
            draft: { model: 'from-draft', branch: 'draft-branch' },
            locked: ['model', 'branch'],
        })
        expect(values).toMatchObject({ model: 'from-link', branch: '' })
    })

    it('never fills a secret, whatever the sources say', () => {
        const values = mergeInitialValues(BUNDLED_FIELD_MODEL, {
            url: { github_user_token: 'a' },
            draft: { github_user_token: 'b' },
        })
        expect(values['github_user_token']).toBe('')
    })

    it('copies lists, so editing the form never edits a source or the model', () => {
        const url = { pending_user_artifact_ids: ['a'] }
        const values = mergeInitialValues(BUNDLED_FIELD_MODEL, { url })
        expect(values['pending_user_artifact_ids']).toEqual(['a'])
        expect(values['pending_user_artifact_ids']).not.toBe(url.pending_user_artifact_ids)
    })

    it('ignores inherited keys', () => {
        const url: Record<string, string> = Object.create({ model: 'inherited' }) as Record<string, string>
        expect(mergeInitialValues(BUNDLED_FIELD_MODEL, { url })['model']).toBe('')
    })
})
