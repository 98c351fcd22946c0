import { describe, expect, it } from 'vitest'

import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }
import { createTestFake } from './createTestFake.ts'
import { buildExtendedSchemaDocument } from './extendedSchemaDocument.ts'

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

    it('adds the newer run fields as drf-spectacular emits them', () => {
        expect(properties.custom_image_id).toMatchObject({ type: 'string', format: 'uuid' })
        for (const name of ['auto_publish', 'rtk_enabled', 'fast_mode'] as const) {
            expect(properties[name]).toMatchObject({ type: 'boolean', nullable: true })
        }
        expect(properties.context_window.allOf).toEqual([{ $ref: '#/components/schemas/ContextWindowEnum' }])
        expect(properties.context_window.description).toContain('* `200k` - 200k\n* `1m` - 1m')
        expect(schemas.ContextWindowEnum).toEqual({
            enum: ['200k', '1m'],
            type: 'string',
            description: '* `200k` - 200k\n* `1m` - 1m',
        })
    })

    it('adds ultracode to the effort enum and its description lines', () => {
        expect(schemas.ReasoningEffortEnum.enum).toEqual(['low', 'medium', 'high', 'xhigh', 'max', 'ultracode'])
        expect(schemas.ReasoningEffortEnum.description).toMatch(/\* `max` - max\n\* `ultracode` - ultracode$/)
        expect(properties.reasoning_effort.description).toMatch(/\* `ultracode` - ultracode$/)
    })

    it('returns a copy that leaves the bundled document untouched', () => {
        buildExtendedSchemaDocument().components.schemas.ReasoningEffortEnum.enum.push('mutated')
        expect(bundledSchemaDocument.components.schemas.ReasoningEffortEnum.enum).not.toContain('ultracode')
        expect(buildExtendedSchemaDocument().components.schemas.ReasoningEffortEnum.enum).not.toContain('mutated')
    })
})
