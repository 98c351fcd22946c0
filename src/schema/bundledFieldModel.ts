import { fields, fingerprint } from 'virtual:bundled-field-model'

import type { FieldModel } from './fieldModel.ts'
import { RUN_SCHEMA_NAME } from './runSchemaName.ts'

export { RUN_SCHEMA_NAME }

/**
 * The field model of the schema bundled with the app, used until (or unless) a live schema replaces it. A production
 * build compiles it ahead of time (scripts/bundledFieldModelPlugin.ts), so the page does not compile it on load.
 */
export const BUNDLED_FIELD_MODEL: FieldModel = {
    schemaName: RUN_SCHEMA_NAME,
    fields,
    byName: new Map(fields.map((field) => [field.name, field])),
}

/** The bundled run schema's fingerprint (schemaFingerprint): a live schema with the same one is the bundled schema. */
export const BUNDLED_SCHEMA_FINGERPRINT: string = fingerprint
