import { describe, expect, it } from 'vitest'

import {
    createKeyStore,
    KEY_STORAGE_KEY,
    LEGACY_KEY_STORAGE_KEY,
    parseStoredKey,
    serializeStoredKey,
    type StorageLike,
} from './keyStore.ts'

const US = 'https://us.posthog.com'
const SELF = 'https://posthog.example.com'

function memoryStorage(): StorageLike & { entries: Map<string, string> } {
    const entries = new Map<string, string>()
    return {
        entries,
        getItem: (key) => entries.get(key) ?? null,
        setItem: (key, value) => {
            entries.set(key, value)
        },
        removeItem: (key) => {
            entries.delete(key)
        },
    }
}

function brokenStorage(): StorageLike {
    const fail = () => {
        throw new Error('SecurityError')
    }
    return { getItem: fail, setItem: fail, removeItem: fail }
}

describe('parseStoredKey', () => {
    it.each<[string | null, ReturnType<typeof parseStoredKey>]>([
        [null, undefined],
        ['', undefined],
        ['phx_bare_legacy_key', undefined],
        ['{"v":1,"host":"https://us.posthog.com","apiKey":"phx_a"}', undefined],
        ['{"v":2,"apiKey":"phx_a"}', undefined],
        ['{"v":2,"host":"","apiKey":"phx_a"}', undefined],
        ['{"v":2,"host":"https://us.posthog.com","apiKey":7}', undefined],
        ['{"v":2,"host":"https://us.posthog.com","apiKey":"phx_a"}', { apiKey: 'phx_a', host: US }],
    ])('%s', (text, expected) => {
        expect(parseStoredKey(text)).toEqual(expected)
    })

    it('reads back what it writes', () => {
        expect(parseStoredKey(serializeStoredKey({ apiKey: 'phx_a', host: SELF }))).toEqual({
            apiKey: 'phx_a',
            host: SELF,
        })
    })
})

describe('createKeyStore', () => {
    it('keeps the key in memory by default: nothing is written', () => {
        const session = memoryStorage()
        const local = memoryStorage()
        const store = createKeyStore({ session, local })
        store.save({ apiKey: 'phx_a', host: US }, 'memory')
        expect(session.entries.size + local.entries.size).toBe(0)
        expect(store.load()).toBeUndefined()
    })

    it.each(['session', 'local'] as const)('remembers the key with its host in %s storage only', (persistence) => {
        const session = memoryStorage()
        const local = memoryStorage()
        const store = createKeyStore({ session, local })
        store.save({ apiKey: 'phx_a', host: SELF }, persistence)
        expect(store.load()).toEqual({ apiKey: 'phx_a', host: SELF, persistence })
        const [used, other] = persistence === 'session' ? [session, local] : [local, session]
        expect(JSON.parse(used.entries.get(KEY_STORAGE_KEY) ?? '')).toEqual({ v: 2, host: SELF, apiKey: 'phx_a' })
        expect(other.entries.size).toBe(0)
    })

    it('moves the key when the choice changes, and forgets it everywhere', () => {
        const session = memoryStorage()
        const local = memoryStorage()
        const store = createKeyStore({ session, local })
        store.save({ apiKey: 'phx_a', host: US }, 'local')
        store.save({ apiKey: 'phx_a', host: US }, 'session')
        expect(local.entries.size).toBe(0)
        store.save({ apiKey: 'phx_a', host: US }, 'memory')
        expect(session.entries.size).toBe(0)
        store.save({ apiKey: 'phx_b', host: US }, 'local')
        store.forget()
        expect(session.entries.size + local.entries.size).toBe(0)
    })

    it('binds a bare key from before host binding to the host the user last checked, once', () => {
        const local = memoryStorage()
        local.setItem(LEGACY_KEY_STORAGE_KEY, 'phx_old')
        const store = createKeyStore({ session: undefined, local }, { legacyHost: SELF })
        expect(store.load()).toEqual({ apiKey: 'phx_old', host: SELF, persistence: 'local' })
        expect(local.entries.has(LEGACY_KEY_STORAGE_KEY)).toBe(false)
        expect(createKeyStore({ session: undefined, local }).load()).toEqual({
            apiKey: 'phx_old',
            host: SELF,
            persistence: 'local',
        })
    })

    it('drops a bare key when no host was ever checked', () => {
        const session = memoryStorage()
        session.setItem(LEGACY_KEY_STORAGE_KEY, 'phx_old')
        const store = createKeyStore({ session, local: undefined })
        expect(store.load()).toBeUndefined()
        expect(session.entries.size).toBe(0)
    })

    it('keeps a bound key over a leftover bare one', () => {
        const local = memoryStorage()
        local.setItem(KEY_STORAGE_KEY, serializeStoredKey({ apiKey: 'phx_new', host: US }))
        local.setItem(LEGACY_KEY_STORAGE_KEY, 'phx_old')
        const store = createKeyStore({ session: undefined, local }, { legacyHost: SELF })
        expect(store.load()).toEqual({ apiKey: 'phx_new', host: US, persistence: 'local' })
        expect(local.entries.has(LEGACY_KEY_STORAGE_KEY)).toBe(false)
    })

    it('survives storage that throws', () => {
        const store = createKeyStore({ session: brokenStorage(), local: undefined }, { legacyHost: US })
        expect(() => {
            store.save({ apiKey: 'phx_a', host: US }, 'session')
            store.forget()
        }).not.toThrow()
        expect(store.load()).toBeUndefined()
    })
})
