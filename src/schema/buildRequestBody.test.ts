import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from './bundledFieldModel.ts'
import { buildCurlCommand, buildRunUrl, redactBody } from './buildCurlCommand.ts'
import { buildRequestBody } from './buildRequestBody.ts'
import { compileSchema } from './compileSchema.ts'
import type { FormValues } from './fieldModel.ts'
import { copyBundledDocument, TEST_CONTEXT } from './testDocuments.ts'

const BASE: FormValues = { model: 'claude-sonnet-5', runtime_adapter: 'claude', mode: 'background' }

function body(values: FormValues) {
    return buildRequestBody(BUNDLED_FIELD_MODEL, { ...BASE, ...values }, TEST_CONTEXT)
}

describe('buildRequestBody', () => {
    it('omits empty optionals and never sends a blank string', () => {
        expect(
            body({ branch: '  ', pending_user_message: '', signal_report_id: '', pending_user_artifact_ids: ['', ' '] })
        ).toEqual({ model: 'claude-sonnet-5', runtime_adapter: 'claude', mode: 'background' })
    })

    it('always sends the fixed runtime adapter', () => {
        expect(body({ runtime_adapter: '' })['runtime_adapter']).toBe('claude')
    })

    it('trims the message and the ids', () => {
        expect(body({ pending_user_message: '\n fix it \n', pending_user_artifact_ids: [' a ', 'b'] })).toMatchObject({
            pending_user_message: 'fix it',
            pending_user_artifact_ids: ['a', 'b'],
        })
    })

    it('never sends a hidden field', () => {
        expect(body({ run_source: 'manual', signal_report_id: 'r1', github_user_token: 'ghp_x' })).not.toHaveProperty(
            'signal_report_id'
        )
        expect(body({ pr_authorship_mode: 'bot', github_user_token: 'ghp_x' })).not.toHaveProperty('github_user_token')
        expect(body({ run_source: 'signal_report', signal_report_id: 'r1' })).toHaveProperty('signal_report_id', 'r1')
    })

    it('drops the effort when the model has none', () => {
        expect(body({ model: 'moonshotai/kimi-k3', reasoning_effort: 'high' })).not.toHaveProperty('reasoning_effort')
        expect(body({ reasoning_effort: 'high' })).toHaveProperty('reasoning_effort', 'high')
    })

    it('sends booleans as JSON booleans', () => {
        const { document, properties } = copyBundledDocument()
        properties['auto_publish'] = { type: 'boolean', nullable: true }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        if (!result.ok) throw new Error('compile failed')
        const build = (value: string) => buildRequestBody(result.model, { ...BASE, auto_publish: value }, TEST_CONTEXT)
        expect(build('true')['auto_publish']).toBe(true)
        expect(build('false')['auto_publish']).toBe(false)
        expect(build('')).not.toHaveProperty('auto_publish')
    })
})

describe('buildCurlCommand', () => {
    const target = { host: 'https://eu.posthog.com/', projectId: '42', taskId: 'abc' }

    it('puts the key and the token in shell variables, never their values', () => {
        const request = body({
            pr_authorship_mode: 'user',
            github_user_token: 'ghp_secret',
            pending_user_message: "it's",
        })
        const command = buildCurlCommand(BUNDLED_FIELD_MODEL, request, target)
        expect(command).not.toContain('ghp_secret')
        expect(command).toContain('Authorization: Bearer $POSTHOG_PERSONAL_API_KEY')
        expect(command).toContain(`"github_user_token": "'"$GITHUB_USER_TOKEN"'"`)
        expect(command).toContain(`"pending_user_message": "it'\\''s"`)
        expect(command).toContain("curl -X POST 'https://eu.posthog.com/api/projects/42/tasks/abc/run/'")
    })

    it('uses placeholders when the target is unknown', () => {
        expect(buildRunUrl({ host: '', projectId: '', taskId: '' })).toBe(
            'https://us.posthog.com/api/projects/<PROJECT_ID>/tasks/<TASK_ID>/run/'
        )
    })

    it('masks sensitive values in the on-screen body', () => {
        expect(redactBody(BUNDLED_FIELD_MODEL, { model: 'm', github_user_token: 'ghp_secret' })).toEqual({
            model: 'm',
            github_user_token: '••••••••',
        })
    })
})
