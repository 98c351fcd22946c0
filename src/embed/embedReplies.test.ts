import { describe, expect, it } from 'vitest'

import type { ApiErrorInfo } from '../api/ApiError.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { decodeFieldValues } from '../links/decodeFieldValues.ts'
import {
    buildFieldLockedReply,
    buildSetValuesReplies,
    buildSubmitBlockedReply,
    buildSubmitFailedReply,
    buildSubmitInvalidReply,
    buildSubmitRefusedReply,
} from './embedReplies.ts'

const GITHUB_TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'

function replies(values: Record<string, unknown>) {
    return buildSetValuesReplies(decodeFieldValues(BUNDLED_FIELD_MODEL, Object.entries(values)))
}

describe('buildSetValuesReplies', () => {
    it('sends nothing when every value applied', () => {
        expect(replies({ branch: 'main', mode: 'interactive' })).toEqual([])
    })

    it('names the fields that were not applied, never their values', () => {
        const sent = replies({
            mode: 'turbo-mode-value',
            sandbox_environment_id: 'not-a-uuid-value',
            colour: 'blue-value',
            branch: 'main',
        })
        expect(sent).toEqual([
            expect.objectContaining({
                type: 'error',
                code: 'invalid-values',
                message:
                    'Not applied: unknown fields: colour; invalid values for: mode, sandbox_environment_id. The other values were applied.',
            }),
        ])
        expect(JSON.stringify(sent)).not.toMatch(/turbo|not-a-uuid|blue-value/)
    })

    it('refuses secrets by field name and keeps the token out of the reply', () => {
        const sent = replies({ github_user_token: GITHUB_TOKEN, pending_user_message: `key ${GITHUB_TOKEN}` })
        expect(sent.map((reply) => reply.code)).toContain('secret-refused')
        expect(sent.find((reply) => reply.code === 'secret-refused')?.message).toMatch(
            /^Not applied: github_user_token/
        )
        expect(JSON.stringify(sent)).not.toContain(GITHUB_TOKEN)
    })

    it('refuses a header value inside an MCP server row by the list’s name, and applies the rest quietly', () => {
        const row = { type: 'http', name: 'linear', url: 'https://mcp.linear.app/mcp' }
        const headers = [{ name: 'Authorization', value: 'Bearer lin_api_hostSecret0123' }]
        const sent = replies({ imported_mcp_servers: [JSON.stringify({ ...row, headers })] })
        expect(sent).toEqual([
            expect.objectContaining({
                code: 'secret-refused',
                message:
                    'Not applied: imported_mcp_servers. Secrets are typed by the user, never sent by the host page.',
            }),
        ])
        expect(JSON.stringify(sent)).not.toContain('lin_api_')
    })

    it('shortens long names and caps the list', () => {
        const values = Object.fromEntries(Array.from({ length: 14 }, (_, index) => [`${'x'.repeat(60)}${index}`, 'v']))
        const [reply] = replies(values)
        expect(reply?.message).toContain(`${'x'.repeat(40)}…`)
        expect(reply?.message).not.toContain('x'.repeat(41))
        expect(reply?.message).toContain('and 4 more')
    })
})

describe('buildSubmitFailedReply', () => {
    it.each<[ApiErrorInfo, RegExp]>([
        [{ kind: 'network', reason: 'unreachable' }, /could not be reached/],
        [{ kind: 'network', reason: 'timeout' }, /did not answer in time/],
        [{ kind: 'unauthenticated' }, /refused the API key/],
        [{ kind: 'forbidden', reason: 'missing_scope', scope: 'task:write' }, /lacks the task:write scope/],
        [{ kind: 'validation', attr: 'model', field: 'model', missingArtifactIds: [] }, /refused the value of model/],
        [{ kind: 'validation', attr: undefined, field: undefined, missingArtifactIds: [] }, /refused the request/],
        [{ kind: 'rate_limited', resetAt: undefined, retryAfterSeconds: 5, limitType: undefined }, /limit/],
        [{ kind: 'server' }, /server error/],
    ])('describes %j by its kind and points to the launcher', (info, message) => {
        const reply = buildSubmitFailedReply(info)
        expect(reply).toMatchObject({ type: 'error', code: 'submit-failed' })
        expect(reply.message).toMatch(message)
        expect(reply.message).toMatch(/sees the details in the launcher/)
    })
})

describe('the other submit replies', () => {
    it('says what blocks a submit', () => {
        expect(buildSubmitBlockedReply('connect').message).toMatch(/not connected/)
        expect(buildSubmitBlockedReply('task').message).toMatch(/No task/)
    })

    it('lists the fields that need attention', () => {
        expect(buildSubmitInvalidReply(['model', 'branch'])).toMatchObject({
            code: 'submit-invalid',
            message: expect.stringMatching(/^Some fields need attention: model, branch\./),
        })
        expect(buildSubmitInvalidReply([]).message).toMatch(/^Some fields need attention\./)
    })

    it('refuses submit with its own code', () => {
        expect(buildSubmitRefusedReply()).toMatchObject({ code: 'submit-refused', message: /parent_origin/ })
    })
})

describe('buildFieldLockedReply', () => {
    it('names the locked fields the host tried to change', () => {
        expect(buildFieldLockedReply(['branch', 'model'])).toMatchObject({
            type: 'error',
            code: 'field-locked',
            message: expect.stringMatching(/^Not applied: branch, model\. .*locks these fields/),
        })
    })
})
