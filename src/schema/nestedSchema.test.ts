import { describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { RUN_SCHEMA_NAME } from './bundledFieldModel.ts'
import { buildCurlCommand, redactBody, REDACTED } from './buildCurlCommand.ts'
import { URL_MESSAGE } from './buildFieldValidator.ts'
import { buildRequestBody } from './buildRequestBody.ts'
import { compileSchema } from './compileSchema.ts'
import type { Field, FieldModel, FormValues } from './fieldModel.ts'
import { secretValues } from './mapSecrets.ts'
import { resolveFields } from './resolveFields.ts'
import { TEST_CONTEXT } from './testDocuments.ts'
import { validateValues } from './validateValues.ts'

type Json = Record<string, unknown>

function compileToday(extra: Json = {}, components: Json = {}): ReturnType<typeof compileSchema> {
    const document: Json = buildExtendedSchemaDocument()
    const schemas = (document['components'] as Json)['schemas'] as Json
    Object.assign((schemas[RUN_SCHEMA_NAME] as Json)['properties'] as Json, extra)
    Object.assign(schemas, components)
    return compileSchema(document, RUN_SCHEMA_NAME)
}

function todayModel(): FieldModel {
    const result = compileToday()
    if (!result.ok || result.problems.length > 0) throw new Error(JSON.stringify(result.ok ? result.problems : result))
    return result.model
}

function item(field: Field | undefined, name: string): Field | undefined {
    return field?.kind === 'objectList' ? field.itemFields.find((candidate) => candidate.name === name) : undefined
}

const MODEL = todayModel()
const SERVERS = MODEL.byName.get('imported_mcp_servers')
const HEADERS = item(SERVERS, 'headers')

const BASE: FormValues = { model: 'claude-sonnet-4-6', runtime_adapter: 'claude', mode: 'background' }

const TWO_SERVERS: FormValues = {
    ...BASE,
    auto_publish: '',
    imported_mcp_servers: [
        {
            type: 'http',
            name: ' linear ',
            url: 'https://mcp.linear.app/mcp',
            headers: [{ name: 'Authorization', value: 'Bearer one' }],
        },
        { type: '', name: '', url: '', headers: [] },
        {
            type: 'sse',
            name: 'sentry',
            url: 'https://mcp.sentry.dev/sse',
            headers: [
                { name: 'Authorization', value: 'Bearer two' },
                { name: '', value: '' },
            ],
        },
    ],
}

describe('compileSchema on nested and nullable constructs', () => {
    it('compiles a nullable array of $ref objects, with a nested array, into an object list', () => {
        expect(SERVERS).toMatchObject({ kind: 'objectList', itemLabel: 'Imported MCP server', maxItems: 20 })
        expect(SERVERS?.sensitive).toBe(false)
        expect(SERVERS?.kind === 'objectList' && SERVERS.itemFields.map((f) => [f.name, f.kind, f.required])).toEqual([
            ['type', 'enum', true],
            ['name', 'text', true],
            ['url', 'url', true],
            ['headers', 'objectList', false],
        ])
        expect(item(SERVERS, 'url')).toMatchObject({ maxLength: 2048 })
        expect(HEADERS).toMatchObject({ kind: 'objectList', itemLabel: 'Header' })
    })

    it('marks a header value secret because the list says its header values are credentials', () => {
        expect(item(HEADERS, 'value')).toMatchObject({ kind: 'secret', sensitive: true, maxLength: 4096 })
        expect(item(HEADERS, 'name')).toMatchObject({ kind: 'text', sensitive: false, maxLength: 256 })
    })

    it.each([
        ['writeOnly', { type: 'string', writeOnly: true }],
        ['a credential description', { type: 'string', description: 'Stored encrypted; treated as a credential.' }],
        ['a secret description', { type: 'string', description: 'This is a secret.' }],
    ])('marks a field secret by %s, inside a row too', (_, schema) => {
        const result = compileToday({
            hooks: { type: 'array', items: { type: 'object', properties: { hook: { type: 'string' }, key: schema } } },
        })
        if (!result.ok) throw new Error('did not compile')
        expect(item(result.model.byName.get('hooks'), 'key')?.sensitive).toBe(true)
        expect(item(result.model.byName.get('hooks'), 'hook')?.sensitive).toBe(false)
    })

    it('marks a field secret by its name, and not by a description that only mentions tokens', () => {
        const result = compileToday({
            service_password: { type: 'string' },
            benjamin_enabled: { type: 'boolean', nullable: true, description: 'A token-efficiency instruction.' },
        })
        if (!result.ok) throw new Error('did not compile')
        expect(result.model.byName.get('service_password')?.sensitive).toBe(true)
        expect(result.model.byName.get('benjamin_enabled')).toMatchObject({ kind: 'boolean', sensitive: false })
    })

    it.each([
        ['anyOf [X, null]', { anyOf: [{ type: 'boolean' }, { type: 'null' }] }, 'boolean'],
        ['type [X, null]', { type: ['string', 'null'], format: 'uri' }, 'url'],
        [
            'nullable list of objects',
            { type: 'array', nullable: true, items: { $ref: '#/components/schemas/Row' } },
            'objectList',
        ],
    ])('compiles %s', (_, schema, kind) => {
        const result = compileToday(
            { extra: schema },
            { Row: { type: 'object', properties: { a: { type: 'string' } } } }
        )
        expect(result.ok && result.model.byName.get('extra')?.kind).toBe(kind)
    })

    it.each([
        [
            'an object outside a list',
            { type: 'object', properties: {} },
            'properties/extra',
            'An object is supported only as the item of a list.',
        ],
        [
            'a row property it cannot render',
            { type: 'array', items: { type: 'object', properties: { a: { type: 'string' }, n: { type: 'integer' } } } },
            'properties/extra/items/properties/n',
            'The type "integer" is not supported by this form.',
        ],
        [
            'a required row property it cannot render',
            { type: 'array', items: { type: 'object', required: ['n'], properties: { n: { type: 'number' } } } },
            'properties/extra/items/properties/n',
            '"n" is required in each item, so the list cannot be used.',
        ],
        [
            'a list of lists',
            { type: 'array', items: { type: 'array', items: { type: 'string' } } },
            'properties/extra/items',
            'Only arrays of plain strings or of objects are supported.',
        ],
    ])('refuses %s and names it', (_, schema, path, message) => {
        const result = compileToday({ extra: schema })
        expect(result.ok && result.problems).toEqual(expect.arrayContaining([{ path, message }]))
    })
})

describe('validateValues inside rows', () => {
    function issues(values: FormValues): [string, string][] {
        return validateValues(MODEL, values, TEST_CONTEXT).map((issue) => [issue.field, issue.message])
    }

    it('accepts two servers; a blank row or header is no row at all', () => {
        expect(issues(TWO_SERVERS)).toEqual([])
    })

    it('puts each error on its own row and field, at any depth', () => {
        expect(
            issues({
                ...BASE,
                imported_mcp_servers: [
                    { type: 'http', name: 'a', url: 'files.example.com', headers: [] },
                    {
                        type: 'sse',
                        name: 'x'.repeat(65),
                        url: 'https://ok.example.com',
                        headers: [{ name: 'X', value: '' }],
                    },
                    { type: '', name: 'b', url: 'https://b.example.com' },
                ],
            })
        ).toEqual([
            ['imported_mcp_servers.0.url', URL_MESSAGE],
            ['imported_mcp_servers.1.name', 'This can be at most 64 characters; this one has 65. Shorten it.'],
            ['imported_mcp_servers.1.headers.0.value', 'Enter a value: it is required.'],
            ['imported_mcp_servers.2.type', 'Choose a type.'],
        ])
    })

    it('refuses more servers than maxItems on the list itself', () => {
        const row = { type: 'http', name: 'a', url: 'https://a.example.com' }
        expect(issues({ ...BASE, imported_mcp_servers: Array.from({ length: 21 }, () => row) })).toEqual([
            ['imported_mcp_servers', 'Add at most 20; remove the extra ones.'],
        ])
    })
})

describe('the request body and its previews with rows', () => {
    const body = buildRequestBody(MODEL, TWO_SERVERS, TEST_CONTEXT)

    it('sends rows as objects, trimmed, without blank rows; an unset tri-state boolean is absent', () => {
        expect(body).toEqual({
            ...BASE,
            imported_mcp_servers: [
                {
                    type: 'http',
                    name: 'linear',
                    url: 'https://mcp.linear.app/mcp',
                    headers: [{ name: 'Authorization', value: 'Bearer one' }],
                },
                {
                    type: 'sse',
                    name: 'sentry',
                    url: 'https://mcp.sentry.dev/sse',
                    headers: [{ name: 'Authorization', value: 'Bearer two' }],
                },
            ],
        })
        expect(Object.hasOwn(body, 'auto_publish')).toBe(false)
    })

    it('masks header values on screen and makes them shell variables in curl', () => {
        const shown = JSON.stringify(redactBody(MODEL, body))
        expect(shown).not.toContain('Bearer')
        expect(shown).toContain(REDACTED)
        const curl = buildCurlCommand(MODEL, body, { host: 'https://us.posthog.com', projectId: '1', taskId: 't' })
        expect(curl).not.toContain('Bearer one')
        expect(curl).not.toContain('Bearer two')
        expect(curl).toContain(`"value": "'"$IMPORTED_MCP_SERVERS_1_HEADERS_0_VALUE"'"`)
    })

    it('lists every secret the form holds, nested ones included, for the embed guard', () => {
        expect(secretValues(MODEL, { ...TWO_SERVERS, github_user_token: 'ghp_x' })).toEqual([
            'ghp_x',
            'Bearer one',
            'Bearer two',
        ])
    })
})

describe('what only PostHog Desktop can serve', () => {
    const resolved = resolveFields(MODEL, BASE, TEST_CONTEXT)
    const byName = new Map(resolved.map((entry) => [entry.field.name, entry]))

    it('does not offer relayed MCP servers, and says why in one line', () => {
        expect(byName.get('relayed_mcp_servers')?.unavailableReason).toMatch(
            /^Not offered here: PostHog Desktop relays/
        )
        const values = { ...BASE, relayed_mcp_servers: [{ name: 'local-db' }] }
        expect(buildRequestBody(MODEL, values, TEST_CONTEXT)).not.toHaveProperty('relayed_mcp_servers')
    })

    it('offers the PostHog gateway but not the own-subscription billing, with the reason beside it', () => {
        const access = byName.get('claude_model_access')
        expect(access?.options.map((option) => option.value)).toEqual(['posthog-gateway'])
        expect(access?.notice).toMatch(/only PostHog Desktop/)
        expect(validateValues(MODEL, { ...BASE, claude_model_access: 'own-subscription' }, TEST_CONTEXT)).toEqual([
            { field: 'claude_model_access', message: access?.notice },
        ])
    })
})
