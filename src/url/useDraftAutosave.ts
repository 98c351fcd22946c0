import { useCallback, useEffect, useMemo, useRef } from 'react'

import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import type { DraftStore } from './draftStore.ts'
import { shareableValues } from './shareableValues.ts'

/** Long enough to save once per pause in typing, short enough to lose little on a crash. */
export const DRAFT_SAVE_DELAY_MS = 500

export interface DraftAutosaveOptions {
    store: DraftStore
    model: FieldModel
    /** draftKey(host, project, task), or null while the connection is incomplete (nothing is saved). */
    key: string | null
    values: FormValues
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

/**
 * Saves the shareable values, debounced, whenever they change after mount (or after enabling).
 * The values the form starts with are never saved by themselves, so opening a page cannot erase a draft.
 */
export function useDraftAutosave(options: DraftAutosaveOptions): DraftAutosave {
    const { store, model, key, values, enabled = true, startFrom, delayMs = DRAFT_SAVE_DELAY_MS } = options
    const snapshot = useMemo(() => JSON.stringify(shareableValues(model, values)), [model, values])
    const startSnapshot = useMemo(
        () => (startFrom === undefined ? undefined : JSON.stringify(shareableValues(model, startFrom))),
        [model, startFrom]
    )
    const baseline = useRef<Baseline | null>(null)
    const latest = useRef(snapshot)
    const pending = useRef<(() => void) | null>(null)
    const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

    useEffect(() => {
        latest.current = snapshot
        // Switching tasks saves the last edit of the task being left; anything else pending is superseded.
        if (pending.current && baseline.current?.key !== key) pending.current()
        pending.current = null
        if (key === null || !enabled) {
            baseline.current = null
            return undefined
        }
        if (baseline.current?.key !== key) {
            baseline.current = { key, snapshot: startSnapshot ?? snapshot }
            if (baseline.current.snapshot === snapshot) return undefined
        }
        if (baseline.current.snapshot === snapshot) return undefined
        const save = (): void => {
            pending.current = null
            store.save(model, key, values)
            baseline.current = { key, snapshot }
        }
        pending.current = save
        timer.current = setTimeout(save, delayMs)
        return () => {
            clearTimeout(timer.current)
        }
    }, [store, model, key, values, snapshot, startSnapshot, enabled, delayMs])

    const flush = useCallback(() => {
        clearTimeout(timer.current)
        pending.current?.()
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
        clearTimeout(timer.current)
        pending.current = null
        if (key === null) return
        store.clear(key)
        baseline.current = { key, snapshot: latest.current }
    }, [store, key])

    return useMemo(() => ({ clear, flush }), [clear, flush])
}
