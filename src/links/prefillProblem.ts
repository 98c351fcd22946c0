/** Why a value from a link, draft or message was not used. */
export type PrefillProblemReason = 'unknown' | 'invalid' | 'secret' | 'version' | 'locked'

/** One parameter that was not applied, said so a person understands which one and why. */
export interface PrefillProblem {
    /** The parameter or property name exactly as received. */
    name: string
    reason: PrefillProblemReason
    /** A full sentence that starts with the name, e.g. `mode: "turbo" is not one of the allowed values (…).` */
    message: string
}

// Names and values come from strangers: keep what we echo short.
const MAX_ECHO = 40

function shorten(text: string): string {
    const points = Array.from(text)
    return points.length > MAX_ECHO ? `${points.slice(0, MAX_ECHO).join('')}…` : text
}

/** A received value, quoted and shortened for a message. */
export function quoteValue(value: string): string {
    return JSON.stringify(shorten(value))
}

export function prefillProblem(reason: PrefillProblemReason, name: string, detail: string): PrefillProblem {
    const shown = name === '' ? '(a parameter with no name)' : shorten(name)
    return { name, reason, message: `${shown}: ${detail}` }
}
