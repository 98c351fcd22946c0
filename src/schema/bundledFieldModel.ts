import bundledSchemaDocument from '../contract/bundledSchemaDocument.json'
import { compileSchema } from './compileSchema.ts'
import type { FieldModel } from './fieldModel.ts'

export const RUN_SCHEMA_NAME = 'ClaudeTaskRunCreateSchema'

function compileBundled(): FieldModel {
    const result = compileSchema(bundledSchemaDocument, RUN_SCHEMA_NAME)
    if (!result.ok || result.problems.length > 0) {
        // The bundled document ships with the app; a problem here is a build-time bug, not user input.
        throw new Error(`The bundled run schema does not compile: ${JSON.stringify(result.problems)}`)
    }
    return result.model
}

/** The field model of the schema bundled with the app, used until (or unless) a live schema replaces it. */
export const BUNDLED_FIELD_MODEL: FieldModel = compileBundled()
