import { describe, expect, it } from 'vitest'

import { createKeyStore, type StorageLike } from './keyStore.ts'

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

describe('createKeyStore', () => {
    it('keeps the key in memory by default: nothing is written', () => {
        const session = memoryStorage()
        const local = memoryStorage()
        const store = createKeyStore({ session, local })
        store.save('phx_a', 'memory')
        expect(session.entries.size + local.entries.size).toBe(0)
        expect(store.load()).toBeUndefined()
    })

    it.each(['session', 'local'] as const)('remembers the key in %s storage only when chosen', (persistence) => {
        const session = memoryStorage()
        const local = memoryStorage()
        const store = createKeyStore({ session, local })
        store.save('phx_a', persistence)
        expect(store.load()).toEqual({ apiKey: 'phx_a', persistence })
        const other = persistence === 'session' ? local : session
        expect(other.entries.size).toBe(0)
    })

    it('moves the key when the choice changes, and forgets it everywhere', () => {
        const session = memoryStorage()
        const local = memoryStorage()
        const store = createKeyStore({ session, local })
        store.save('phx_a', 'local')
        store.save('phx_a', 'session')
        expect(local.entries.size).toBe(0)
        store.save('phx_a', 'memory')
        expect(session.entries.size).toBe(0)
        store.save('phx_b', 'local')
        store.forget()
        expect(session.entries.size + local.entries.size).toBe(0)
    })

    it('survives storage that throws', () => {
        const store = createKeyStore({ session: brokenStorage(), local: undefined })
        expect(() => {
            store.save('phx_a', 'session')
            store.forget()
        }).not.toThrow()
        expect(store.load()).toBeUndefined()
    })
})
