import type { FormValue } from '../schema/fieldModel.ts'

function idsOf(value: FormValue | undefined): string[] {
    if (typeof value === 'string') return [value]
    return Array.isArray(value) ? value.filter((item: unknown): item is string => typeof item === 'string') : []
}

/**
 * The field's next ids: what was typed by hand (anything the attachments did not put there) first,
 * then the attachments' current ids; blank lines and repeats are dropped.
 */
export function mergeArtifactIds(
    current: FormValue | undefined,
    previousOwned: readonly string[],
    nextOwned: readonly string[]
): string[] {
    const owned = new Set([...previousOwned, ...nextOwned])
    const typed = idsOf(current)
        .map((id) => id.trim())
        .filter((id) => id !== '' && !owned.has(id))
    return [...new Set([...typed, ...nextOwned])]
}
