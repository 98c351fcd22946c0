import { isObject, SCHEMA_REF_PREFIX } from './compileSchema.ts'

/** Every components/schemas name a JSON value refers to with a local $ref, at any depth. */
function referencedNames(value: unknown, found: Set<string>): void {
    if (Array.isArray(value)) {
        for (const item of value) referencedNames(item, found)
        return
    }
    if (!isObject(value)) return
    for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF_PREFIX)) {
            found.add(child.slice(SCHEMA_REF_PREFIX.length))
        } else {
            referencedNames(child, found)
        }
    }
}

/**
 * The part of an OpenAPI document the schema compiler reads for one schema: that schema and the components it
 * refers to, transitively. PostHog's full document runs to megabytes; keeping only this part keeps a cached copy
 * small. A document without that schema keeps none, and the compiler says it is missing.
 */
export function keepSchemaWithReferences(
    document: Record<string, unknown>,
    schemaName: string
): Record<string, unknown> {
    const components = isObject(document['components']) ? document['components'] : {}
    const schemas = isObject(components['schemas']) ? components['schemas'] : {}
    const kept: Record<string, unknown> = {}
    const pending = [schemaName]
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
        if (Object.hasOwn(kept, name) || !Object.hasOwn(schemas, name)) continue
        kept[name] = schemas[name]
        const found = new Set<string>()
        referencedNames(schemas[name], found)
        pending.push(...found)
    }
    return { components: { schemas: kept } }
}
