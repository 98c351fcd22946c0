import { describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import bundledSchemaDocument from '../contract/bundledSchemaDocument.json'
import { RUN_SCHEMA_NAME } from './bundledFieldModel.ts'
import { compileSchema } from './compileSchema.ts'
import { keepSchemaWithReferences } from './keepSchemaWithReferences.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

describe('keepSchemaWithReferences', () => {
    it.each([
        ['the bundled document', bundledSchemaDocument as Record<string, unknown>],
        ['a live document with more fields', buildExtendedSchemaDocument() as Record<string, unknown>],
    ])('compiles %s exactly as the whole document does', (_name, document) => {
        const subset = keepSchemaWithReferences(document, RUN_SCHEMA_NAME)
        expect(compileSchema(subset, RUN_SCHEMA_NAME)).toEqual(compileSchema(document, RUN_SCHEMA_NAME))
    })

    it('keeps the schema and what it refers to, at any depth, and drops everything else', () => {
        const document = {
            openapi: '3.0.3',
            paths: { '/api/huge/': { get: { responses: {} } } },
            components: {
                schemas: {
                    Run: { type: 'object', properties: { mode: { allOf: [ref('Mode')] }, list: ref('List') } },
                    Mode: { type: 'string', enum: ['a', 'b'] },
                    List: { type: 'array', items: { anyOf: [ref('Item'), { type: 'null' }] } },
                    Item: { type: 'object', properties: { back: ref('Run') } },
                    Unrelated: { type: 'string' },
                },
            },
        }
        const subset = keepSchemaWithReferences(document, 'Run')
        expect(Object.keys(subset)).toEqual(['components'])
        expect(Object.keys((subset['components'] as { schemas: object }).schemas).sort()).toEqual([
            'Item',
            'List',
            'Mode',
            'Run',
        ])
    })

    it('keeps no schema when the document lacks it, so the compiler reports it missing', () => {
        const subset = keepSchemaWithReferences({ components: { schemas: { Other: { type: 'string' } } } }, 'Run')
        expect(subset).toEqual({ components: { schemas: {} } })
        const compiled = compileSchema(subset, 'Run')
        expect(compiled.ok).toBe(false)
        expect(keepSchemaWithReferences({ components: 'garbage' }, 'Run')).toEqual({ components: { schemas: {} } })
    })

    it('keeps a reference to a missing component unresolved, as the whole document would', () => {
        const document = { components: { schemas: { Run: { type: 'object', properties: { x: ref('Gone') } } } } }
        const subset = keepSchemaWithReferences(document, 'Run')
        expect(compileSchema(subset, 'Run')).toEqual(compileSchema(document, 'Run'))
    })
})
