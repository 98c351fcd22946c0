import { describe, expect, it } from 'vitest'

import { createActivityStore } from './createActivityStore.ts'

// An agent message as the session log holds it.
const message = (text: string) => ({
    type: 'notification',
    timestamp: '2026-12-06T10:00:00Z',
    notification: {
        jsonrpc: '2.0',
        method: 'session/update',
        params: { update: { sessionUpdate: 'agent_message', content: { type: 'text', text } } },
    },
})

/** A store whose scheduled flushes run when the test says so; counts what its listener was told. */
function storeWithManualFlush() {
    const flushes: (() => void)[] = []
    const store = createActivityStore((flush) => flushes.push(flush))
    let notified = 0
    store.subscribe(() => {
        notified += 1
    })
    const runFlushes = () => {
        for (const flush of flushes.splice(0)) flush()
    }
    return { store, flushes, runFlushes, notified: () => notified }
}

describe('createActivityStore', () => {
    it('shows a burst of entries in one scheduled flush', () => {
        const { store, flushes, runFlushes, notified } = storeWithManualFlush()
        store.append([message('one')])
        store.append([message('two')])
        expect(flushes).toHaveLength(1)
        expect(store.getSnapshot().items).toHaveLength(0)
        runFlushes()
        expect(notified()).toBe(1)
        expect(store.getSnapshot().items.map((item) => item.event.kind)).toEqual(['agent_message', 'agent_message'])
    })

    it('keeps entries that come in while held, and shows them at once when released', () => {
        const { store, flushes, runFlushes, notified } = storeWithManualFlush()
        store.hold(true)
        store.append([message('one')])
        store.append([message('two')])
        expect(flushes).toHaveLength(0)
        expect(notified()).toBe(0)
        expect(store.getSnapshot().items).toHaveLength(0)

        store.hold(false)
        expect(notified()).toBe(1)
        expect(store.getSnapshot().items).toHaveLength(2)
        // Nothing left over to flush, and a release with nothing waiting tells nobody.
        runFlushes()
        store.hold(true)
        store.hold(false)
        expect(notified()).toBe(1)
    })

    it('still reports the state of following while held', () => {
        const { store, notified } = storeWithManualFlush()
        store.hold(true)
        store.setState('live')
        expect(store.getSnapshot().state).toBe('live')
        expect(notified()).toBe(1)
    })

    it('shows a message sent from this page at once, held or not', () => {
        const { store, notified } = storeWithManualFlush()
        store.hold(true)
        store.addSentMessage('please also fix the flaky test')
        expect(notified()).toBe(1)
        expect(store.getSnapshot().items.map((item) => item.pending)).toEqual([true])
    })
})
