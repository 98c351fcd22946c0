import { createValuesChannel, type ValuesChannel } from '../form/valuesChannel.ts'
import type { DecodedPrefill } from '../links/prefillCodec.ts'
import type { FormValues } from '../schema/fieldModel.ts'
import { createDraftStore, lazyBrowserStorage, type DraftStore } from './draftStore.ts'
import { linkDraftKey } from './linkDraftKey.ts'

export interface LinkDraft {
    draftKey: string
    store: DraftStore
    values: ValuesChannel
    startFrom: FormValues
}

/** A link that names its task keeps a draft of what is typed before the launcher loads, as the launcher would. */
export function startLinkDraft(prefill: DecodedPrefill, startFrom: FormValues): LinkDraft | undefined {
    const draftKey = linkDraftKey(prefill.connection)
    if (draftKey === null) return undefined
    // Starts from the form's first values: only a change from them is worth a draft.
    return {
        draftKey,
        store: createDraftStore(lazyBrowserStorage()),
        values: createValuesChannel(startFrom),
        startFrom,
    }
}
