import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import { decodeFieldValues } from '../links/decodeFieldValues.ts'
import type { PrefillProblem } from '../links/prefillProblem.ts'
import { shareableValues } from '../links/shareableValues.ts'
import { storageKey } from '../lib/storageKey.ts'

/** The draft format version; a draft of another version is not offered. */
export const DRAFT_VERSION = 1

const KEY_PREFIX = storageKey(`draft:v${DRAFT_VERSION}:`)

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface Draft {
    /** Validated like a link: only valid values of known, non-secret fields. */
    values: FormValues
    /** Epoch milliseconds of the last save. */
    savedAt: number
    /** Entries that were dropped (a tampered draft, or one saved under an older schema). */
    problems: PrefillProblem[]
}

export interface DraftStore {
    /** The draft for key, or null when there is none worth offering (none, garbage, unreadable storage). */
    load: (model: FieldModel, key: string) => Draft | null
    /** Saves the shareable part of values (or removes the draft when nothing is left); false when storage failed. */
    save: (model: FieldModel, key: string, values: FormValues, now?: number) => boolean
    clear: (key: string) => void
}

/** One draft per (host, project, task); each part is encoded, so ":" inside a part cannot collide. */
export function draftKey(host: string, projectId: string, taskId: string): string {
    const parts = [host.trim().replace(/\/+$/, ''), projectId.trim(), taskId.trim().toLowerCase()]
    return KEY_PREFIX + parts.map(encodeURIComponent).join(':')
}

export function serializeDraft(model: FieldModel, values: FormValues, now: number = Date.now()): string {
    return JSON.stringify({ v: DRAFT_VERSION, savedAt: now, values: shareableValues(model, values) })
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads a stored draft through the same decoder as links; null for anything that is not a draft. Never throws. */
export function parseDraft(model: FieldModel, text: string): Draft | null {
    let parsed: unknown
    try {
        parsed = JSON.parse(text)
    } catch {
        return null
    }
    if (!isRecord(parsed) || parsed['v'] !== DRAFT_VERSION) return null
    const savedAt = parsed['savedAt']
    const values = parsed['values']
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || !isRecord(values)) return null
    const decoded = decodeFieldValues(model, Object.entries(values))
    return { values: decoded.values, savedAt, problems: decoded.problems }
}

/** A draft store over localStorage (or any Storage); quota errors and disabled storage are swallowed. */
export function createDraftStore(storage: DraftStorage | undefined): DraftStore {
    const clear = (key: string): void => {
        try {
            storage?.removeItem(key)
        } catch {
            // Storage that cannot be written cannot hold a stale draft either.
        }
    }
    return {
        load(model, key) {
            let text: string | null = null
            try {
                text = storage?.getItem(key) ?? null
            } catch {
                return null
            }
            if (text === null) return null
            const draft = parseDraft(model, text)
            if (draft === null) clear(key)
            return draft && Object.keys(draft.values).length > 0 ? draft : null
        },
        save(model, key, values, now = Date.now()) {
            if (!storage) return false
            const empty = Object.keys(shareableValues(model, values)).length === 0
            try {
                if (empty) storage.removeItem(key)
                else storage.setItem(key, serializeDraft(model, values, now))
                return true
            } catch {
                return false
            }
        },
        clear,
    }
}

/** window.localStorage when the browser allows it; reading it throws when storage is disabled. */
export function browserStorage(): DraftStorage | undefined {
    try {
        return typeof window === 'undefined' ? undefined : window.localStorage
    } catch {
        return undefined
    }
}

/** localStorage, looked up on first use: opening storage costs the first paint a few milliseconds. */
export function lazyBrowserStorage(): DraftStorage {
    return {
        getItem: (key) => browserStorage()?.getItem(key) ?? null,
        setItem: (key, value) => {
            const storage = browserStorage()
            if (!storage) throw new Error('Storage is not available.')
            storage.setItem(key, value)
        },
        removeItem: (key) => {
            browserStorage()?.removeItem(key)
        },
    }
}
