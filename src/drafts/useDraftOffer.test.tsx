import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { createDraftStore, draftKey, type DraftStorage } from './draftStore.ts'
import { useDraftOffer } from './useDraftOffer.ts'

const KEY = draftKey('https://us.posthog.com', '1', 'task-a')
const OTHER_KEY = draftKey('https://us.posthog.com', '1', 'task-b')
const PAGE_OPENED_AT = 1_000_000
const INITIAL: { key: string | null } = { key: KEY }

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
    const items = new Map<string, string>()
    return {
        items,
        getItem: (key) => items.get(key) ?? null,
        setItem: (key, value) => items.set(key, value),
        removeItem: (key) => items.delete(key),
    }
}

function setup(saved: { key: string; at: number }[]) {
    const storage = memoryStorage()
    const store = createDraftStore(storage)
    for (const { key, at } of saved) store.save(BUNDLED_FIELD_MODEL, key, { branch: `from-${at}` }, at)
    const hook = renderHook(
        ({ key }: { key: string | null }) =>
            useDraftOffer({ store, model: BUNDLED_FIELD_MODEL, draftKey: key, pageOpenedAt: PAGE_OPENED_AT }),
        { initialProps: INITIAL }
    )
    return { hook, storage }
}

describe('useDraftOffer', () => {
    it('offers a draft saved before the page opened, and holds autosave until the user decides', () => {
        const { hook } = setup([{ key: KEY, at: PAGE_OPENED_AT - 1 }])
        expect(hook.result.current.offered?.values).toEqual({ branch: `from-${PAGE_OPENED_AT - 1}` })
        expect(hook.result.current.autosave).toBe(false)
        let restored: ReturnType<typeof hook.result.current.restore> = null
        act(() => {
            restored = hook.result.current.restore()
        })
        expect(restored).not.toBeNull()
        expect(hook.result.current.offered).toBeNull()
        expect(hook.result.current.autosave).toBe(true)
    })

    it('does not offer this page’s own work back, but offers another task’s draft', () => {
        const { hook } = setup([
            { key: KEY, at: PAGE_OPENED_AT + 5 },
            { key: OTHER_KEY, at: PAGE_OPENED_AT + 5 },
        ])
        expect(hook.result.current.offered).toBeNull()
        expect(hook.result.current.autosave).toBe(true)
        hook.rerender({ key: OTHER_KEY })
        expect(hook.result.current.offered).not.toBeNull()
    })

    it('removes the draft when discarded, and offers nothing without a key', () => {
        const { hook, storage } = setup([{ key: KEY, at: PAGE_OPENED_AT - 1 }])
        act(() => {
            hook.result.current.discard()
        })
        expect(storage.items.has(KEY)).toBe(false)
        expect(hook.result.current.offered).toBeNull()
        hook.rerender({ key: null })
        expect(hook.result.current.offered).toBeNull()
        expect(hook.result.current.autosave).toBe(false)
    })
})
