import type { FieldModel } from '../schema/fieldModel.ts'
import { decodePrefill, type DecodedPrefill } from './prefillCodec.ts'
import type { PrefillProblem } from './prefillProblem.ts'

/**
 * The start-up link decoded again for another field model (main.tsx decodes it for the bundled one), so link
 * values for fields only the live schema has apply once it arrives. Secrets refused at start-up stay refused.
 */
export function prefillForModel(model: FieldModel, startup: DecodedPrefill): DecodedPrefill {
    const again = decodePrefill(model, startup.cleanedSearch, startup.cleanedHash)
    const refusedAtStartup = startup.problems.filter((problem) => problem.reason === 'secret')
    return {
        ...again,
        problems: [...refusedAtStartup, ...again.problems],
        refusedSecrets: [...new Set([...startup.refusedSecrets, ...again.refusedSecrets])],
        hadSecrets: startup.hadSecrets || again.hadSecrets,
    }
}

/** While the live schema may still arrive, a parameter unknown to the bundled one is not wrong yet: say so. */
export function deferUnknownParams(problems: readonly PrefillProblem[], connected: boolean): PrefillProblem[] {
    const when = connected ? 'it applies when that schema has loaded' : 'it applies once you are connected'
    return problems.map((problem) =>
        problem.reason === 'unknown'
            ? { ...problem, message: `${problem.message} PostHog’s live run schema may have it: ${when}.` }
            : problem
    )
}
