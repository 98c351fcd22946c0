import bundledSchemaDocument from '../contract/bundledSchemaDocument.json'
import { compileSchema } from './compileSchema.ts'
import type { Field } from './fieldModel.ts'
import { keepSchemaWithReferences } from './keepSchemaWithReferences.ts'
import { RUN_SCHEMA_NAME } from './runSchemaName.ts'
import { schemaFingerprint } from './schemaFingerprint.ts'

/** The bundled run schema's fields. The document ships with the app: a problem in it is a build bug, not user input. */
export function compileBundledFields(): readonly Field[] {
    const result = compileSchema(bundledSchemaDocument, RUN_SCHEMA_NAME)
    if (!result.ok || result.problems.length > 0) {
        throw new Error(`The bundled run schema does not compile: ${JSON.stringify(result.problems)}`)
    }
    return result.model.fields
}

/** The fingerprint of the bundled run schema, taken as the app keeps a live document: the schema and its references. */
export function bundledSchemaFingerprint(): string {
    return schemaFingerprint(keepSchemaWithReferences(bundledSchemaDocument, RUN_SCHEMA_NAME))
}
