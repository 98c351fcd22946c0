import { describe, expect, it } from 'vitest'

import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }
import { compileSchema } from '../src/schema/compileSchema.ts'
import { RUN_SCHEMA_NAME } from '../src/schema/runSchemaName.ts'
import { compileBundledFields } from './bundledFieldModelPlugin.ts'

describe('compileBundledFields', () => {
    it('is the compiler’s output for the bundled schema, as JSON the build can inline', () => {
        const compiled = compileSchema(bundledSchemaDocument, RUN_SCHEMA_NAME)
        expect(compiled.ok).toBe(true)
        if (!compiled.ok) return
        expect(JSON.parse(compileBundledFields())).toEqual(compiled.model.fields)
    })
})
