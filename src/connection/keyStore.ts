import * as z from 'zod/mini'

import { storageKey } from '../lib/storageKey.ts'

/** Where the personal API key lives: memory (default), this tab, or this device. */
export type KeyPersistence = 'memory' | 'session' | 'local'

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** A key and the PostHog origin it was checked against: it is never sent anywhere else on its own. */
export interface BoundKey {
    apiKey: string
    host: string
}

export interface RememberedKey extends BoundKey {
    persistence: Exclude<KeyPersistence, 'memory'>
}

export interface KeyStore {
    load: () => RememberedKey | undefined
    save: (key: BoundKey, persistence: KeyPersistence) => void
    forget: () => void
}

export interface KeyStoreOptions {
    /**
     * The host a key stored before keys were bound to hosts belongs to: the host of the saved connection settings,
     * which only the user's own "Check connection" writes. Without one, such a key is dropped.
     */
    legacyHost?: string | undefined
}

export const KEY_STORAGE_KEY = storageKey('personal-api-key:v2')
/** A bare key, as versions before host binding stored it. */
export const LEGACY_KEY_STORAGE_KEY = storageKey('personal-api-key')

const StoredKeySchema = z.object({
    v: z.literal(2),
    host: z.string().check(z.minLength(1), z.maxLength(2000)),
    apiKey: z.string().check(z.minLength(1), z.maxLength(500)),
})

/** The stored entry, or undefined for anything that is not exactly one (garbage, a bare legacy key). */
export function parseStoredKey(text: string | null | undefined): BoundKey | undefined {
    if (!text) return undefined
    try {
        const parsed = StoredKeySchema.safeParse(JSON.parse(text))
        return parsed.success ? { apiKey: parsed.data.apiKey, host: parsed.data.host } : undefined
    } catch {
        return undefined
    }
}

export function serializeStoredKey(key: BoundKey): string {
    return JSON.stringify({ v: 2, host: key.host, apiKey: key.apiKey })
}

function attempt<T>(action: () => T): T | undefined {
    try {
        return action()
    } catch {
        // Storage can be disabled, full, or blocked in a third-party iframe; memory still works.
        return undefined
    }
}

/** Keeps the key, bound to its host, only where the user chose; every other place is cleared on each save. */
export function createKeyStore(
    storages: { session: StorageLike | undefined; local: StorageLike | undefined },
    options: KeyStoreOptions = {}
): KeyStore {
    const places = [
        ['session', storages.session],
        ['local', storages.local],
    ] as const
    const clear = (except?: KeyPersistence) => {
        for (const [persistence, storage] of places) {
            if (persistence === except) continue
            attempt(() => storage?.removeItem(KEY_STORAGE_KEY))
            attempt(() => storage?.removeItem(LEGACY_KEY_STORAGE_KEY))
        }
    }
    // A bare key from before host binding belongs to the host the user last checked, or to nobody.
    const migrate = (storage: StorageLike | undefined): void => {
        const legacy = attempt(() => storage?.getItem(LEGACY_KEY_STORAGE_KEY))
        if (!legacy) return
        attempt(() => storage?.removeItem(LEGACY_KEY_STORAGE_KEY))
        const current = attempt(() => storage?.getItem(KEY_STORAGE_KEY))
        if (options.legacyHost === undefined || current) return
        const bound = serializeStoredKey({ apiKey: legacy, host: options.legacyHost })
        attempt(() => storage?.setItem(KEY_STORAGE_KEY, bound))
    }
    return {
        load: () => {
            for (const [persistence, storage] of places) {
                migrate(storage)
                const key = parseStoredKey(attempt(() => storage?.getItem(KEY_STORAGE_KEY)))
                if (key) return { ...key, persistence }
            }
            return undefined
        },
        save: (key, persistence) => {
            clear(persistence)
            if (persistence === 'memory') return
            const storage = persistence === 'session' ? storages.session : storages.local
            attempt(() => storage?.removeItem(LEGACY_KEY_STORAGE_KEY))
            attempt(() => storage?.setItem(KEY_STORAGE_KEY, serializeStoredKey(key)))
        },
        forget: () => {
            clear()
        },
    }
}

/** The browser's storages, or undefined where reading them throws (sandboxed or partitioned frames). */
export function browserStorages(): { session: StorageLike | undefined; local: StorageLike | undefined } {
    return {
        session: attempt(() => window.sessionStorage),
        local: attempt(() => window.localStorage),
    }
}
