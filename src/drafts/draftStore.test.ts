import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { arbitraryFormValues } from '../links/arbitraryFormValues.ts'
import { createDraftStore, type DraftStorage, draftKey, parseDraft, serializeDraft } from './draftStore.ts'
import { shareableValues } from '../links/shareableValues.ts'
import { TEST_FIELD_MODEL } from '../links/testFieldModel.ts'

const UUID = '0b7a3b2e-58c4-4f4e-9a51-1d2f3c4b5a69'
const NOW = Date.UTC(2025, 0, 2, 3, 4, 5)
const KEY = draftKey('https://us.posthog.com', '2', UUID)

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
    const items = new Map<string, string>()
    return {
        items,
        getItem: (key) => items.get(key) ?? null,
        setItem: (key, value) => void items.set(key, value),
        removeItem: (key) => void items.delete(key),
    }
}

function brokenStorage(): DraftStorage {
    const fail = (): never => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    return { getItem: fail, setItem: fail, removeItem: fail }
}

describe('draftKey', () => {
    it('is namespaced and versioned, one per host, project and task', () => {
        expect(KEY).toBe(`run-launcher:draft:v1:https%3A%2F%2Fus.posthog.com:2:${UUID}`)
    })

    it('treats a trailing slash and task id case as the same task', () => {
        expect(draftKey('https://us.posthog.com/', ' 2 ', UUID.toUpperCase())).toBe(KEY)
    })

    it('cannot be confused by separators inside a part', () => {
        expect(draftKey('a:b', 'c', 'd')).not.toBe(draftKey('a', 'b:c', 'd'))
    })
})

describe('serializeDraft and parseDraft', () => {
    it('stores only shareable values, with the version and the time', () => {
        const text = serializeDraft(
            TEST_FIELD_MODEL,
            {
                model: 'claude-opus-5',
                branch: '   ',
                mode: 'background',
                github_user_token: 'ghu_secret',
                webhook_secret: 'shh',
                $confirm_initial_permission_mode: true,
                initial_permission_mode: 'bypassPermissions',
            },
            NOW
        )
        expect(JSON.parse(text)).toEqual({
            v: 1,
            savedAt: NOW,
            values: { model: 'claude-opus-5', initial_permission_mode: 'bypassPermissions' },
        })
    })

    it('reads back what it wrote', () => {
        const text = serializeDraft(TEST_FIELD_MODEL, { model: 'm', labels: ['a', 'b'], auto_publish: 'true' }, NOW)
        expect(parseDraft(TEST_FIELD_MODEL, text)).toEqual({
            values: { model: 'm', labels: ['a', 'b'], auto_publish: 'true' },
            savedAt: NOW,
            problems: [],
        })
    })

    it('validates a tampered draft like a link: bad entries and secrets are dropped and reported', () => {
        // Written as text: an object literal would treat __proto__ as the prototype, JSON.parse does not.
        const text = `{"v":1,"savedAt":${NOW},"values":{"model":"m","mode":"turbo","github_user_token":"x","__proto__":"x","colour":"red","fast_mode":3}}`
        const draft = parseDraft(TEST_FIELD_MODEL, text)
        expect(draft?.values).toEqual({ model: 'm' })
        expect(draft?.problems.map((problem) => `${problem.name}:${problem.reason}`)).toEqual([
            'mode:invalid',
            'github_user_token:secret',
            '__proto__:unknown',
            'colour:unknown',
            'fast_mode:invalid',
        ])
    })

    it.each([
        ['not JSON', '{'],
        ['JSON null', 'null'],
        ['a list', '[]'],
        ['another version', JSON.stringify({ v: 2, savedAt: NOW, values: {} })],
        ['no time', JSON.stringify({ v: 1, values: {} })],
        ['a time that is not a number', JSON.stringify({ v: 1, savedAt: 'now', values: {} })],
        ['values that are a list', JSON.stringify({ v: 1, savedAt: NOW, values: [] })],
    ])('returns null for %s', (_, text) => {
        expect(parseDraft(TEST_FIELD_MODEL, text)).toBeNull()
    })

    it('never throws on any text', () => {
        fc.assert(
            fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
                expect(() => parseDraft(TEST_FIELD_MODEL, text)).not.toThrow()
            })
        )
    })

    it.each([
        ['the bundled model', BUNDLED_FIELD_MODEL],
        ['a model with booleans and more', TEST_FIELD_MODEL],
    ])('round-trips the normal form of any valid values on %s', (_, model) => {
        fc.assert(
            fc.property(arbitraryFormValues(model), (values) => {
                const draft = parseDraft(model, serializeDraft(model, values, NOW))
                expect(draft).toEqual({ values: shareableValues(model, values), savedAt: NOW, problems: [] })
            })
        )
    })

    it('never stores a secret', () => {
        const secret = fc.constantFrom('ghp_abcdef123456', 'phx_abcdef123456', 'github_pat_11ABCDEF')
        fc.assert(
            fc.property(arbitraryFormValues(TEST_FIELD_MODEL), secret, (values, token) => {
                const text = serializeDraft(TEST_FIELD_MODEL, {
                    ...values,
                    github_user_token: token,
                    webhook_secret: token,
                    branch: token,
                    labels: ['x', token],
                })
                expect(text).not.toContain(token)
            })
        )
    })
})

describe('createDraftStore', () => {
    it('saves, loads and clears a draft', () => {
        const storage = memoryStorage()
        const store = createDraftStore(storage)
        expect(store.load(TEST_FIELD_MODEL, KEY)).toBeNull()
        expect(store.save(TEST_FIELD_MODEL, KEY, { model: 'm' }, NOW)).toBe(true)
        expect(store.load(TEST_FIELD_MODEL, KEY)).toEqual({ values: { model: 'm' }, savedAt: NOW, problems: [] })
        store.clear(KEY)
        expect(storage.items.size).toBe(0)
    })

    it('removes the draft when nothing worth restoring is left', () => {
        const storage = memoryStorage()
        const store = createDraftStore(storage)
        store.save(TEST_FIELD_MODEL, KEY, { model: 'm' }, NOW)
        store.save(TEST_FIELD_MODEL, KEY, { model: '', mode: 'background', github_user_token: 'x' }, NOW)
        expect(storage.items.size).toBe(0)
    })

    it('drops a corrupt draft instead of offering it', () => {
        const storage = memoryStorage()
        storage.items.set(KEY, '{not json')
        expect(createDraftStore(storage).load(TEST_FIELD_MODEL, KEY)).toBeNull()
        expect(storage.items.size).toBe(0)
    })

    it('does not offer a draft whose every value was refused', () => {
        const storage = memoryStorage()
        storage.items.set(KEY, JSON.stringify({ v: 1, savedAt: NOW, values: { mode: 'turbo' } }))
        expect(createDraftStore(storage).load(TEST_FIELD_MODEL, KEY)).toBeNull()
    })

    it('swallows storage that throws (quota, disabled storage) and says the save failed', () => {
        const store = createDraftStore(brokenStorage())
        expect(store.save(TEST_FIELD_MODEL, KEY, { model: 'm' })).toBe(false)
        expect(store.load(TEST_FIELD_MODEL, KEY)).toBeNull()
        expect(() => {
            store.clear(KEY)
        }).not.toThrow()
    })

    it('works without storage at all', () => {
        const store = createDraftStore(undefined)
        expect(store.save(TEST_FIELD_MODEL, KEY, { model: 'm' })).toBe(false)
        expect(store.load(TEST_FIELD_MODEL, KEY)).toBeNull()
    })
})
