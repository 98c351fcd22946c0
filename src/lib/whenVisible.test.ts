import { describe, expect, it } from 'vitest'

import { whenVisible } from './whenVisible.ts'

class FakeDocument extends EventTarget {
    visibilityState: DocumentVisibilityState = 'visible'

    show(next: DocumentVisibilityState): void {
        this.visibilityState = next
        this.dispatchEvent(new Event('visibilitychange'))
    }
}

describe('whenVisible', () => {
    it('goes on at once in a visible tab', async () => {
        await whenVisible(new AbortController().signal, new FakeDocument())
    })

    it('waits while the tab is hidden and goes on once it is shown', async () => {
        const doc = new FakeDocument()
        doc.visibilityState = 'hidden'
        let resolved = false
        const waiting = whenVisible(new AbortController().signal, doc).then(() => {
            resolved = true
        })
        await Promise.resolve()
        doc.show('hidden')
        await Promise.resolve()
        expect(resolved).toBe(false)
        doc.show('visible')
        await waiting
        expect(resolved).toBe(true)
    })

    it('stops waiting when aborted', async () => {
        const doc = new FakeDocument()
        doc.visibilityState = 'hidden'
        const controller = new AbortController()
        const waiting = whenVisible(controller.signal, doc)
        controller.abort()
        await waiting
    })
})
