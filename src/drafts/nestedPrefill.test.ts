import { describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import { parseDraft, serializeDraft } from './draftStore.ts'
import { decodePrefill, encodePrefill } from '../links/prefillCodec.ts'
import { shareableValues } from '../links/shareableValues.ts'

function todayModel(): FieldModel {
    const result = compileSchema(buildExtendedSchemaDocument(), RUN_SCHEMA_NAME)
    if (!result.ok) throw new Error('did not compile')
    return result.model
}

const MODEL = todayModel()
const SECRETS = ['Bearer lin_one', 'Bearer two']

const VALUES: FormValues = {
    model: 'claude-sonnet-4-6',
    imported_mcp_servers: [
        {
            type: 'http',
            name: 'linear',
            url: 'https://mcp.linear.app/mcp?team=a&b=c',
            headers: [{ name: 'Authorization', value: SECRETS[0] }],
        },
        {
            type: 'sse',
            name: 'sentry',
            url: 'https://mcp.sentry.dev/sse',
            headers: [
                { name: 'Authorization', value: SECRETS[1] },
                { name: 'X-Org', value: '' },
            ],
        },
    ],
}

const SHARED = {
    model: 'claude-sonnet-4-6',
    imported_mcp_servers: [
        {
            type: 'http',
            name: 'linear',
            url: 'https://mcp.linear.app/mcp?team=a&b=c',
            headers: [{ name: 'Authorization' }],
        },
        {
            type: 'sse',
            name: 'sentry',
            url: 'https://mcp.sentry.dev/sse',
            headers: [{ name: 'Authorization' }, { name: 'X-Org' }],
        },
    ],
}

describe('rows in links, drafts and messages', () => {
    it('keeps the non-secret part of each server: type, name, url and header names', () => {
        expect(shareableValues(MODEL, VALUES)).toEqual(SHARED)
    })

    it('writes one JSON object per row in a link, with no header value, and reads it back', () => {
        const params = encodePrefill(MODEL, VALUES)
        expect(params.getAll('imported_mcp_servers')).toEqual(
            SHARED.imported_mcp_servers.map((row) => JSON.stringify(row))
        )
        for (const secret of SECRETS) expect(params.toString()).not.toContain(encodeURIComponent(secret))
        const decoded = decodePrefill(MODEL, `?${params.toString()}`, '')
        expect(decoded.problems).toEqual([])
        expect(decoded.values).toEqual(SHARED)
        // Round trip: encoding what was decoded gives the same link.
        expect(encodePrefill(MODEL, decoded.values).toString()).toBe(params.toString())
    })

    it('round-trips a draft without a header value', () => {
        const text = serializeDraft(MODEL, VALUES, 1)
        for (const secret of SECRETS) expect(text).not.toContain(secret)
        expect(parseDraft(MODEL, text)?.values).toEqual(SHARED)
    })

    it('refuses a header value in a link as a secret, and reports bad rows like any bad parameter', () => {
        const rows = [
            { type: 'http', name: 'a', url: 'https://a.example.com', headers: [{ name: 'Authorization', value: 'x' }] },
            { type: 'ws', name: 'b', url: 'https://b.example.com', port: 1 },
            'not json',
        ]
        const search = `?${rows.map((row) => `imported_mcp_servers=${encodeURIComponent(typeof row === 'string' ? row : JSON.stringify(row))}`).join('&')}`
        const decoded = decodePrefill(MODEL, search, '')
        expect(decoded.values).toEqual({
            imported_mcp_servers: [
                { type: 'http', name: 'a', url: 'https://a.example.com', headers: [{ name: 'Authorization' }] },
                { name: 'b', url: 'https://b.example.com' },
            ],
        })
        expect(decoded.problems.map((problem) => [problem.reason, problem.message])).toEqual([
            [
                'secret',
                'imported_mcp_servers: Imported MCP server 1, headers: Header 1, value is a secret and is never prefilled, so it was ignored.',
            ],
            [
                'invalid',
                'imported_mcp_servers: Imported MCP server 2, type: "ws" is not one of the allowed values (http, sse).',
            ],
            [
                'unknown',
                'imported_mcp_servers: Imported MCP server 2, port: there is no such property, so it was ignored.',
            ],
            ['invalid', 'imported_mcp_servers: Imported MCP server 3 is a string, not an object, so it was left out.'],
        ])
        expect(JSON.stringify(decoded.values)).not.toContain('"x"')
    })

    it('takes a parameter holding a header value out of the address bar, keeping the others', () => {
        const row = { type: 'http', name: 'a', url: 'https://a.example.com', headers: [{ name: 'A', value: 'sekrit' }] }
        const search = `?branch=main&imported_mcp_servers=${encodeURIComponent(JSON.stringify(row))}`
        const decoded = decodePrefill(MODEL, search, `#${search.slice(1)}`)
        expect(decoded.cleanedSearch).toBe('?branch=main')
        expect(decoded.cleanedHash).toBe('#branch=main')
        expect(decoded.refusedSecrets).toEqual(['imported_mcp_servers'])
        expect(decoded.hadSecrets).toBe(true)
    })

    it('reports link values for what only PostHog Desktop can serve like any unusable parameter', () => {
        const search = `?claude_model_access=own-subscription&relayed_mcp_servers=${encodeURIComponent('{"name":"db"}')}`
        const decoded = decodePrefill(MODEL, search, '')
        expect(decoded.values).toEqual({})
        expect(decoded.problems.map((problem) => [problem.name, problem.reason])).toEqual([
            ['claude_model_access', 'invalid'],
            ['relayed_mcp_servers', 'invalid'],
        ])
        expect(decodePrefill(MODEL, '?claude_model_access=posthog-gateway', '').values).toEqual({
            claude_model_access: 'posthog-gateway',
        })
    })
})
