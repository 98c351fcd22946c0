import { describe, expect, it, vi } from 'vitest'

import { createStore } from './createStore.ts'

describe('createStore', () => {
    it('hands out the latest value and tells subscribers when it is replaced', () => {
        const store = createStore({ n: 1 })
        const listener = vi.fn()
        const unsubscribe = store.subscribe(listener)
        const next = { n: 2 }
        store.set(next)
        expect(store.getSnapshot()).toBe(next)
        expect(listener).toHaveBeenCalledTimes(1)
        unsubscribe()
        store.set({ n: 3 })
        expect(listener).toHaveBeenCalledTimes(1)
    })

    it('tells no one when the same value is set again', () => {
        const value = { n: 1 }
        const store = createStore(value)
        const listener = vi.fn()
        store.subscribe(listener)
        store.set(value)
        expect(listener).not.toHaveBeenCalled()
    })
})
