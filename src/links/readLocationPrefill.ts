import type { FieldModel } from '../schema/fieldModel.ts'
import { decodePrefill, type DecodedPrefill } from './prefillCodec.ts'

/** The parts of window this needs, so tests can pass a fake. */
export interface LocationTarget {
    location: Pick<Location, 'pathname' | 'search' | 'hash'>
    history: Pick<History, 'state' | 'replaceState'>
}

/**
 * Decodes the current address before the form mounts, and removes refused secrets from the address bar at once
 * (replaceState: no reload, no new history entry).
 */
export function readLocationPrefill(model: FieldModel, target: LocationTarget = window): DecodedPrefill {
    const { pathname, search, hash } = target.location
    const prefill = decodePrefill(model, search, hash)
    if (prefill.hadSecrets) {
        try {
            target.history.replaceState(
                target.history.state,
                '',
                `${pathname}${prefill.cleanedSearch}${prefill.cleanedHash}`
            )
        } catch {
            // A browser that refuses replaceState still never uses the secret; the notice says so.
        }
    }
    return prefill
}
