// Only the named top-level fields of a JSON object; anything that is not an object becomes an empty one.
export function pickJsonFields(json: unknown, fields: readonly string[]): Record<string, unknown> {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return {}
    }
    const wanted: ReadonlySet<string> = new Set(fields)
    const entries: [string, unknown][] = Object.entries(json)
    return Object.fromEntries(entries.filter(([name]) => wanted.has(name)))
}
