import { useCallback, useEffect, useState } from 'react'

import type { FieldModel } from '../schema/fieldModel.ts'
import type { Draft, DraftStore } from './draftStore.ts'

interface Decision {
    key: string
    /** The draft to offer, or null when there is none or the user has decided. */
    draft: Draft | null
    /** The model the draft was read for, until the user decides (then undefined: no reread). */
    readFor: FieldModel | undefined
}

export interface DraftOffer {
    /** The draft to offer for the current key, never applied unasked. */
    offered: Draft | null
    /** Whether autosave may run: the key's draft has been read and nothing is on offer to overwrite. */
    autosave: boolean
    /** The user restores: returns the draft to apply, and the offer is closed. */
    restore: () => Draft | null
    /** The user discards: the stored draft is removed, and the offer is closed. */
    discard: () => void
}

export interface DraftOfferOptions {
    store: DraftStore
    model: FieldModel
    /** draftKey(host, project, task), or null while the connection is incomplete. */
    draftKey: string | null
    /** When the page's code started (epoch ms): drafts saved since are this page's own work, not ones to offer. */
    pageOpenedAt: number
}

/**
 * Drafts are kept per (host, project, task); the one found is offered. It is read after the key (or, until the user
 * decides, the field model) changes, in an effect, so rendering never touches storage.
 */
export function useDraftOffer({ store, model, draftKey, pageOpenedAt }: DraftOfferOptions): DraftOffer {
    const [decision, setDecision] = useState<Decision | undefined>()
    useEffect(() => {
        if (draftKey === null) return
        // Storage is read after commit, never in render; the offer shows one commit later, as a prompt should.
        // eslint-disable-next-line react-hooks/set-state-in-effect -- the draft comes from storage, outside React
        setDecision((previous) => {
            // Read again for a new model until the user decides, so a draft of live-only fields is not missed.
            const reread = previous?.readFor !== undefined && previous.readFor !== model
            if (previous?.key === draftKey && !reread) return previous
            const draft = store.load(model, draftKey)
            // On first read or a reread, a draft saved since the page opened is the work in this form, not one to offer.
            const own = (previous === undefined || reread) && draft !== null && draft.savedAt >= pageOpenedAt
            return { key: draftKey, draft: own ? null : draft, readFor: model }
        })
    }, [store, model, draftKey, pageOpenedAt])

    const current = decision?.key === draftKey ? decision : undefined
    const offered = current?.draft ?? null
    const restore = useCallback(() => {
        if (draftKey === null) return null
        setDecision({ key: draftKey, draft: null, readFor: undefined })
        return offered
    }, [draftKey, offered])
    const discard = useCallback(() => {
        if (draftKey === null) return
        store.clear(draftKey)
        setDecision({ key: draftKey, draft: null, readFor: undefined })
    }, [store, draftKey])
    return { offered, autosave: current !== undefined && offered === null, restore, discard }
}
