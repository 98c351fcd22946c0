import bundledSchemaDocument from '../contract/bundledSchemaDocument.json'
import { BUNDLED_MODELS } from '../contract/bundledModelCatalog.ts'
import type { RuleContext } from './fieldRules.ts'

type Json = Record<string, unknown>

/** A deep copy of the bundled document for tests that add or break properties. */
export function copyBundledDocument(): { document: Json; schema: Json; properties: Json; schemas: Json } {
    const document = structuredClone(bundledSchemaDocument) as unknown as Json
    const schemas = (document['components'] as Json)['schemas'] as Json
    const schema = schemas['ClaudeTaskRunCreateSchema'] as Json
    return { document, schema, properties: schema['properties'] as Json, schemas }
}

export const TEST_CONTEXT: RuleContext = { models: BUNDLED_MODELS }
