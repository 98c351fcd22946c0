import { storageKey } from '../lib/storageKey.ts'

/** Where the personal API key lives: memory (default), this tab, or this device. */
export type KeyPersistence = 'memory' | 'session' | 'local'

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface KeyStore {
    load: () => { apiKey: string; persistence: KeyPersistence } | undefined
    save: (apiKey: string, persistence: KeyPersistence) => void
    forget: () => void
}

const STORAGE_KEY = storageKey('personal-api-key')

function attempt<T>(action: () => T): T | undefined {
    try {
        return action()
    } catch {
        // Storage can be disabled, full, or blocked in a third-party iframe; memory still works.
        return undefined
    }
}

/** Keeps the key only where the user chose; every other place is cleared on each save. */
export function createKeyStore(storages: {
    session: StorageLike | undefined
    local: StorageLike | undefined
}): KeyStore {
    const places = [
        ['session', storages.session],
        ['local', storages.local],
    ] as const
    const clear = (except?: KeyPersistence) => {
        for (const [persistence, storage] of places) {
            if (persistence !== except) attempt(() => storage?.removeItem(STORAGE_KEY))
        }
    }
    return {
        load: () => {
            for (const [persistence, storage] of places) {
                const apiKey = attempt(() => storage?.getItem(STORAGE_KEY))
                if (apiKey) return { apiKey, persistence }
            }
            return undefined
        },
        save: (apiKey, persistence) => {
            clear(persistence)
            if (persistence === 'memory') return
            const storage = persistence === 'session' ? storages.session : storages.local
            attempt(() => storage?.setItem(STORAGE_KEY, apiKey))
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
