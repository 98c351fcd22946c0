import type { FormValues } from '../schema/fieldModel.ts'

export interface SplitLockedValues {
    /** The values the host may apply: none of them is locked. */
    applied: FormValues
    /** Names of locked fields the host tried to change, in the order sent. */
    refused: string[]
}

/** A field the link locked stays as the link set it, whatever a host page sends. */
export function splitLockedValues(values: FormValues, locked: ReadonlySet<string>): SplitLockedValues {
    const entries = Object.entries(values)
    return {
        // fromEntries defines own properties, so no name can reach a prototype.
        applied: Object.fromEntries(entries.filter(([name]) => !locked.has(name))),
        refused: entries.filter(([name]) => locked.has(name)).map(([name]) => name),
    }
}
