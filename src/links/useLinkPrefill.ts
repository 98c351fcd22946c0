import { useEffect, useMemo } from 'react'

import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import type { FieldModel } from '../schema/fieldModel.ts'
import type { DecodedPrefill } from './prefillCodec.ts'
import type { PrefillProblem } from './prefillProblem.ts'
import { deferUnknownParams, prefillForModel } from './prefillForModel.ts'

export interface LinkPrefillOptions {
    /** The link as main.tsx decoded it, for the bundled model. */
    startup: DecodedPrefill
    model: FieldModel
    /** Whether the live schema has settled (arrived or failed): until then an unknown parameter may be new. */
    settled: boolean
    connected: boolean
}

export interface LinkPrefill {
    /** The link decoded for the current model. */
    prefill: DecodedPrefill
    /** What the link got wrong, as the notice should say it now. */
    problems: readonly PrefillProblem[]
}

/**
 * The link, decoded again for a live model so its new fields take link values; a field that model marks writeOnly
 * is refused like any secret and removed from the address bar too.
 */
export function useLinkPrefill({ startup, model, settled, connected }: LinkPrefillOptions): LinkPrefill {
    const prefill = useMemo(
        () => (model === BUNDLED_FIELD_MODEL ? startup : prefillForModel(model, startup)),
        [model, startup]
    )
    const problems = useMemo(
        () => (settled ? prefill.problems : deferUnknownParams(prefill.problems, connected)),
        [settled, prefill, connected]
    )
    useEffect(() => {
        const { cleanedSearch, cleanedHash } = prefill
        if (cleanedSearch === startup.cleanedSearch && cleanedHash === startup.cleanedHash) return
        window.history.replaceState(
            window.history.state,
            '',
            `${window.location.pathname}${cleanedSearch}${cleanedHash}`
        )
    }, [prefill, startup])
    return useMemo(() => ({ prefill, problems }), [prefill, problems])
}
