import { useCallback, useEffect, useMemo, useRef } from 'react'

import { createTrailingTimer } from '../lib/trailingTimer.ts'
import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import type { DraftStore } from './draftStore.ts'
import { shareableValues } from '../links/shareableValues.ts'
import type { ValuesSource } from '../form/valuesChannel.ts'

/** Long enough to save once per pause in typing, short enough to lose little on a crash. */
export const DRAFT_SAVE_DELAY_MS = 500

export interface DraftAutosaveOptions {
    store: DraftStore
    model: FieldModel
    /** draftKey(host, project, task), or null while the connection is incomplete (nothing is saved). */
    key: string | null
    values: ValuesSource
    /** False while "restore draft or discard?" is still open, so the offered draft is not overwritten. */
    enabled?: boolean
    /** The values the form opened with, when saving starts later: what was typed since then is saved too. */
    startFrom?: FormValues | undefined
    delayMs?: number
}

export interface DraftAutosave {
    /** Cancels a pending save and removes the draft: call it after a successful run. */
    clear: () => void
    /** Saves a pending change now. */
    flush: () => void
}

interface Baseline {
    key: string
    snapshot: string
}

interface PendingSave {
    key: string
    save: () => void
}

/**
 * Saves the shareable values, debounced, whenever they change after mount (or after enabling).
 * The values the form starts with are never saved by themselves, so opening a page cannot erase a draft.
 * A keystroke only restarts a timer: comparing and writing wait for the pause, and nothing re-renders.
 */
export function useDraftAutosave(options: DraftAutosaveOptions): DraftAutosave {
    const { store, model, key, values: source, enabled = true, startFrom, delayMs = DRAFT_SAVE_DELAY_MS } = options
    const startSnapshot = useMemo(
        () => (startFrom === undefined ? undefined : snapshotOf(model, startFrom)),
        [model, startFrom]
    )
    const baseline = useRef<Baseline | null>(null)
    const pending = useRef<PendingSave | null>(null)
    useEffect(() => {
        // Switching tasks saves the last edit of the task being left; anything else pending is rescheduled below.
        if (pending.current && pending.current.key !== key) pending.current.save()
        pending.current = null
        if (key === null || !enabled) {
            baseline.current = null
            return undefined
        }
        if (baseline.current?.key !== key) {
            baseline.current = { key, snapshot: startSnapshot ?? snapshotOf(model, source.getSnapshot()) }
        }
        // It runs whatever save is pending once typing pauses; after a flush or a clear, nothing is.
        const timer = createTrailingTimer(delayMs, () => {
            pending.current?.save()
        })
        const schedule = (): void => {
            // Captured now: a later task switch must not save the next task's values under this key.
            const values = source.getSnapshot()
            const save = (): void => {
                pending.current = null
                const snapshot = snapshotOf(model, values)
                if (baseline.current?.key === key && baseline.current.snapshot === snapshot) return
                store.save(model, key, values)
                baseline.current = { key, snapshot }
            }
            pending.current = { key, save }
            timer.restart()
        }
        // What changed while this was off (or before it mounted) counts as a change too.
        schedule()
        const unsubscribe = source.subscribe(schedule)
        return () => {
            unsubscribe()
            timer.cancel()
        }
    }, [store, model, key, source, startSnapshot, enabled, delayMs])

    const flush = useCallback(() => {
        pending.current?.save()
    }, [])

    // Leaving the page or unmounting the form saves what is still pending.
    useEffect(() => {
        window.addEventListener('pagehide', flush)
        return () => {
            window.removeEventListener('pagehide', flush)
            flush()
        }
    }, [flush])

    const clear = useCallback(() => {
        pending.current = null
        if (key === null) return
        store.clear(key)
        baseline.current = { key, snapshot: snapshotOf(model, source.getSnapshot()) }
    }, [store, model, key, source])

    return useMemo(() => ({ clear, flush }), [clear, flush])
}

function snapshotOf(model: FieldModel, values: FormValues): string {
    return JSON.stringify(shareableValues(model, values))
}
