import { describe, expect, it } from 'vitest'

import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }
import { createTestFake } from './createTestFake.ts'
import { buildExtendedSchemaDocument, buildNewerSchemaDocument } from './extendedSchemaDocument.ts'

describe('GET /api/schema/', () => {
    it('serves the bundled document as YAML by default and JSON on ?format=json, without auth', async () => {
        const { call } = createTestFake()
        const yaml = await call('GET', '/api/schema/', { key: null })
        expect(yaml.status).toBe(200)
        expect(yaml.headers.get('content-type')).toBe('application/vnd.oai.openapi; charset=utf-8')
        const json = await call('GET', '/api/schema/?format=json', { key: null, headers: { origin: 'http://a.test' } })
        expect(json.headers.get('content-type')).toBe('application/vnd.oai.openapi+json')
        expect(json.headers.get('access-control-allow-origin')).toBe('http://a.test')
        expect(json.json).toEqual(bundledSchemaDocument)
    })

    it('serves a given document', async () => {
        const document = buildExtendedSchemaDocument()
        const { call } = createTestFake({ schemaDocument: document })
        expect((await call('GET', '/api/schema/?format=json')).json).toEqual(document)
    })

    it.each([
        ['missing', 404],
        ['error', 500],
        ['garbage', 200],
    ] as const)('answers %s with %i', async (mode, status) => {
        const { call } = createTestFake({ schemaDocument: mode })
        const response = await call('GET', '/api/schema/?format=json')
        expect(response.status).toBe(status)
        if (mode === 'garbage') {
            expect(response.json).toBeUndefined()
            expect(response.text).not.toContain('"openapi"')
        }
    })
})

describe('buildExtendedSchemaDocument', () => {
    const document = buildExtendedSchemaDocument()
    const schemas = document.components.schemas
    const properties = schemas.ClaudeTaskRunCreateSchema.properties

    it('is the bundled document: the run request of followup §6, in serializer order', () => {
        expect(document).toEqual(bundledSchemaDocument)
        // the seed's 14 fields plus the 9 of §6 (custom_image_id, auto_publish, context_window, fast_mode, the two
        // MCP lists, claude_model_access, benjamin_enabled, rtk_enabled)
        expect(Object.keys(properties)).toEqual([
            'mode',
            'branch',
            'resume_from_run_id',
            'pending_user_message',
            'pending_user_artifact_ids',
            'sandbox_environment_id',
            'custom_image_id',
            'pr_authorship_mode',
            'auto_publish',
            'run_source',
            'signal_report_id',
            'runtime_adapter',
            'model',
            'reasoning_effort',
            'context_window',
            'fast_mode',
            'github_user_token',
            'initial_permission_mode',
            'imported_mcp_servers',
            'relayed_mcp_servers',
            'claude_model_access',
            'benjamin_enabled',
            'rtk_enabled',
        ])
    })

    it('has the newer fields as drf-spectacular emits them', () => {
        expect(properties.custom_image_id).toMatchObject({ type: 'string', format: 'uuid' })
        for (const name of ['auto_publish', 'rtk_enabled', 'fast_mode', 'benjamin_enabled'] as const) {
            expect(properties[name]).toMatchObject({ type: 'boolean', nullable: true })
        }
        expect(properties.context_window.allOf).toEqual([{ $ref: '#/components/schemas/ContextWindowEnum' }])
        expect(schemas.ContextWindowEnum.enum).toEqual(['200k', '1m'])
        expect(schemas.RunSourceEnum.enum).toEqual(['manual', 'signal_report', 'agent'])
        expect(schemas.ClaudeModelAccessEnum.enum).toEqual(['posthog-gateway', 'own-subscription'])
        expect(properties.imported_mcp_servers).toMatchObject({ type: 'array', nullable: true, maxItems: 20 })
        expect(schemas.ImportedMcpServer.properties.url).toEqual({
            type: 'string',
            format: 'uri',
            maxLength: 2048,
            description: 'Address of the server.',
        })
        expect(schemas.McpHeader.properties.value).toEqual({ type: 'string', maxLength: 4096 })
        expect(properties.imported_mcp_servers.description).toContain('Header values are treated as credentials')
    })

    it('has ultracode in the effort enum and its description lines', () => {
        expect(schemas.ReasoningEffortEnum.enum).toEqual(['low', 'medium', 'high', 'xhigh', 'max', 'ultracode'])
        expect(schemas.ReasoningEffortEnum.description).toMatch(/\* `max` - max\n\* `ultracode` - ultracode$/)
        expect(properties.reasoning_effort.description).toMatch(/\* `ultracode` - ultracode$/)
    })

    it('returns a copy that leaves the bundled document untouched', () => {
        buildExtendedSchemaDocument().components.schemas.ReasoningEffortEnum.enum.push('mutated')
        expect(bundledSchemaDocument.components.schemas.ReasoningEffortEnum.enum).not.toContain('mutated')
        expect(buildExtendedSchemaDocument().components.schemas.ReasoningEffortEnum.enum).not.toContain('mutated')
    })
})

describe('buildNewerSchemaDocument', () => {
    it('adds two fields the bundled document lacks and keeps the rest', () => {
        const properties = buildNewerSchemaDocument().components.schemas.ClaudeTaskRunCreateSchema.properties
        const bundled = bundledSchemaDocument.components.schemas.ClaudeTaskRunCreateSchema.properties
        expect(Object.keys(properties)).toEqual([...Object.keys(bundled), 'auto_merge', 'pr_title_prefix'])
    })
})
