import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { FormValues } from '../schema/fieldModel.ts'
import { createDraftStore, type DraftStorage } from './draftStore.ts'
import { TEST_FIELD_MODEL } from '../links/testFieldModel.ts'
import { DRAFT_SAVE_DELAY_MS, useDraftAutosave, type DraftAutosave } from './useDraftAutosave.ts'
import { createValuesChannel } from '../form/valuesChannel.ts'

const KEY = 'run-launcher:draft:v1:h:1:t'

interface Props {
    values: FormValues
    key?: string | null
    enabled?: boolean
    startFrom?: FormValues
}

function setup(initial: Props) {
    const items = new Map<string, string>()
    const storage: DraftStorage = {
        getItem: (key) => items.get(key) ?? null,
        setItem: (key, value) => void items.set(key, value),
        removeItem: (key) => void items.delete(key),
    }
    const store = createDraftStore(storage)
    // The form publishes its values on every change; the hook is rendered again only when its options change.
    const channel = createValuesChannel(initial.values)
    let renders = 0
    const hook = renderHook<DraftAutosave, Partial<Props>>(
        (props: Partial<Props>) => {
            renders += 1
            return useDraftAutosave({
                store,
                model: TEST_FIELD_MODEL,
                key: props.key === undefined ? KEY : props.key,
                values: channel,
                enabled: props.enabled ?? true,
                startFrom: props.startFrom,
            })
        },
        { initialProps: initial }
    )
    const rerender = ({ values, ...options }: Props): void => {
        act(() => {
            channel.publish(values)
        })
        hook.rerender(options)
    }
    const type = (values: FormValues): void => {
        act(() => {
            channel.publish(values)
        })
    }
    const saved = (key = KEY) => store.load(TEST_FIELD_MODEL, key)?.values ?? null
    return { ...hook, rerender, type, items, saved, renders: () => renders }
}

beforeEach(() => {
    vi.useFakeTimers()
})

afterEach(() => {
    vi.useRealTimers()
})

describe('useDraftAutosave', () => {
    it('does not save the values the form starts with, so opening the page keeps an existing draft', () => {
        const { items } = setup({ values: { model: 'from-link' } })
        items.set(KEY, 'existing')
        act(() => {
            vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2)
        })
        expect(items.get(KEY)).toBe('existing')
    })

    it('when it starts after the form opened, saves what was typed in between, but not an untouched form', () => {
        const typed = setup({ values: { model: 'typed early' }, startFrom: { model: '' } })
        act(() => {
            vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS)
        })
        expect(typed.saved()).toEqual({ model: 'typed early' })

        const untouched = setup({ values: { model: 'from-link' }, startFrom: { model: 'from-link' } })
        untouched.items.set(KEY, 'existing')
        act(() => {
            vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2)
        })
        expect(untouched.items.get(KEY)).toBe('existing')
    })

    it('saves changes once typing pauses', () => {
        const { rerender, saved } = setup({ values: { model: '' } })
        rerender({ values: { model: 'c' } })
        rerender({ values: { model: 'cl' } })
        act(() => {
            vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS - 1)
        })
        expect(saved()).toBeNull()
        act(() => {
            vi.advanceTimersByTime(1)
        })
        expect(saved()).toEqual({ model: 'cl' })
    })

    it('typing re-renders nothing: a change only restarts the timer', () => {
        const { type, saved, renders } = setup({ values: { model: '' } })
        const before = renders()
        for (const model of ['c', 'cl', 'cla']) type({ model })
        expect(renders()).toBe(before)
        act(() => {
            vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS)
        })
        expect(saved()).toEqual({ model: 'cla' })
    })

    it('saves nothing when typing comes back to the values the form started with', () => {
        const { type, items } = setup({ values: { model: 'from-link' } })
        items.set(KEY, 'existing')
        type({ model: 'from-lin' })
        type({ model: 'from-link' })
        act(() => {
            vi.runAllTimers()
        })
        expect(items.get(KEY)).toBe('existing')
    })

    it('never saves secrets', () => {
        const { rerender, items } = setup({ values: {} })
        rerender({ values: { model: 'm', github_user_token: 'ghu_abc123' } })
        act(() => {
            vi.runAllTimers()
        })
        expect([...items.values()].join()).not.toContain('ghu_abc123')
    })

    it('does not save while disabled (restore prompt open), nor the values it is enabled with', () => {
        const { rerender, saved } = setup({ values: {}, enabled: false })
        rerender({ values: { model: 'typed' }, enabled: false })
        rerender({ values: { model: 'restored' }, enabled: true })
        act(() => {
            vi.runAllTimers()
        })
        expect(saved()).toBeNull()
        rerender({ values: { model: 'edited' }, enabled: true })
        act(() => {
            vi.runAllTimers()
        })
        expect(saved()).toEqual({ model: 'edited' })
    })

    it('clear() cancels a pending save and removes the draft, and later edits save again', () => {
        const { rerender, result, saved } = setup({ values: {} })
        rerender({ values: { model: 'a' } })
        act(() => {
            vi.runAllTimers()
        })
        rerender({ values: { model: 'ab' } })
        act(() => {
            result.current.clear()
            vi.runAllTimers()
        })
        expect(saved()).toBeNull()
        rerender({ values: { model: 'abc' } })
        act(() => {
            vi.runAllTimers()
        })
        expect(saved()).toEqual({ model: 'abc' })
    })

    it('saves a pending change on unmount and on pagehide', () => {
        const first = setup({ values: {} })
        first.rerender({ values: { model: 'unmounted' } })
        first.unmount()
        expect(first.saved()).toEqual({ model: 'unmounted' })
        const second = setup({ values: {} })
        second.rerender({ values: { model: 'hidden' } })
        act(() => {
            window.dispatchEvent(new Event('pagehide'))
        })
        expect(second.saved()).toEqual({ model: 'hidden' })
    })

    it('saves nothing without a key, and keeps drafts per task', () => {
        const { rerender, saved } = setup({ values: {}, key: null })
        rerender({ values: { model: 'no-task' }, key: null })
        act(() => {
            vi.runAllTimers()
        })
        rerender({ values: { model: 'no-task' }, key: 'other' })
        rerender({ values: { model: 'task-two' }, key: 'other' })
        act(() => {
            vi.runAllTimers()
        })
        expect(saved()).toBeNull()
        expect(saved('other')).toEqual({ model: 'task-two' })
    })

    it('saves the last edit of a task when switching to another mid-pause', () => {
        const { rerender, saved } = setup({ values: {} })
        rerender({ values: { model: 'half-typed' } })
        rerender({ values: { model: 'half-typed' }, key: 'other' })
        expect(saved()).toEqual({ model: 'half-typed' })
        act(() => {
            vi.runAllTimers()
        })
        expect(saved('other')).toBeNull()
    })
})
