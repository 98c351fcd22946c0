/**
 * What a progressive form paints first: the fields up to and including `lastField`, in display order. All of them
 * when that field is not shown, so a form without it is never cut short.
 */
export function firstPaintFields<Entry extends { field: { name: string } }>(
    resolved: readonly Entry[],
    lastField: string
): readonly Entry[] {
    const index = resolved.findIndex((entry) => entry.field.name === lastField)
    return index === -1 ? resolved : resolved.slice(0, index + 1)
}
