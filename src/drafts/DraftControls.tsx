import { memo, useEffect, type ReactNode, type RefObject } from 'react'

import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import type { DraftStore } from './draftStore.ts'
import { useDraftAutosave, type DraftAutosave } from './useDraftAutosave.ts'
import type { ValuesChannel } from '../form/valuesChannel.ts'

interface DraftAutosaverProps {
    store: DraftStore
    model: FieldModel
    draftKey: string | null
    values: ValuesChannel
    enabled: boolean
    /** Where to put clear() and flush() for whoever needs them (the launcher clears after a run). */
    autosaveRef?: RefObject<DraftAutosave | null> | undefined
    /** The values the form opened with, when this mounts after the user may have typed. */
    startFrom?: FormValues | undefined
}

/**
 * Listens to the form values on its own, so autosaving never re-renders the form, nor itself.
 * Memoised: the launcher re-renders whenever one of PostHog's answers lands; the autosaver need not.
 */
export const DraftAutosaver = memo(function DraftAutosaver({
    store,
    model,
    draftKey,
    values,
    enabled,
    autosaveRef,
    startFrom,
}: DraftAutosaverProps): ReactNode {
    const autosave = useDraftAutosave({ store, model, key: draftKey, values, enabled, startFrom })
    useEffect(() => {
        if (autosaveRef) autosaveRef.current = autosave
    }, [autosave, autosaveRef])
    return null
})

// Made on first use: the shell imports this module too, and a formatter costs time at load.
let timeFormat: Intl.DateTimeFormat | undefined
function formatTime(epochMs: number): string {
    timeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    return timeFormat.format(epochMs)
}

interface DraftPromptProps {
    savedAt: number
    onRestore: () => void
    onDiscard: () => void
}

export function DraftPrompt({ savedAt, onRestore, onDiscard }: DraftPromptProps): ReactNode {
    return (
        <div className="banner info" role="status">
            <p className="banner-title">You have an unsent draft for this task from {formatTime(savedAt)}.</p>
            <div className="submit-bar">
                <button type="button" className="button primary small" onClick={onRestore}>
                    Restore draft
                </button>
                <button type="button" className="button secondary small" onClick={onDiscard}>
                    Discard
                </button>
            </div>
        </div>
    )
}
