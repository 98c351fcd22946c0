// Modules that scripts/bundledFieldModelPlugin.ts provides at build and test time.
declare module 'virtual:bundled-field-model' {
    /** The bundled run schema's fields, compiled by the schema compiler. */
    export const fields: readonly import('./schema/fieldModel.ts').Field[]
    /** schemaFingerprint of the bundled run schema with its references, as a live document is kept. */
    export const fingerprint: string
}
