import { RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import type { Field, FieldModel } from '../schema/fieldModel.ts'
import { copyBundledDocument } from '../schema/testDocuments.ts'

function compileExtended(): FieldModel {
    const { document, properties, schemas } = copyBundledDocument()
    properties['auto_publish'] = { type: 'boolean', nullable: true, description: 'Open a draft PR when done.' }
    properties['fast_mode'] = { type: 'boolean', default: true, description: 'Trade depth for speed.' }
    properties['context_window'] = {
        allOf: [{ $ref: '#/components/schemas/ContextWindowEnum' }],
        description: 'Context size.',
    }
    schemas['ContextWindowEnum'] = { enum: ['200k', '1m'], type: 'string', description: '* `200k` - 200k\n* `1m` - 1m' }
    properties['custom_image_id'] = { type: 'string', default: 'ubuntu-24', maxLength: 64 }
    properties['labels'] = { type: 'array', items: { type: 'string' } }
    properties['webhook_secret'] = { type: 'string', writeOnly: true }
    const result = compileSchema(document, RUN_SCHEMA_NAME)
    if (!result.ok || result.problems.length > 0) throw new Error(JSON.stringify(result.problems))
    return result.model
}

/** The bundled model plus two booleans (one with a default), an enum, a defaulted text, a free list and a secret. */
export const TEST_FIELD_MODEL: FieldModel = compileExtended()

export function fieldOf(model: FieldModel, name: string): Field {
    const field = model.byName.get(name)
    if (!field) throw new Error(`no field ${name}`)
    return field
}
