import { describe, expect, it } from 'vitest'

import { SignalQueue } from './SignalQueue.ts'

async function settled(promise: Promise<void>): Promise<boolean> {
    let done = false
    void promise.then(() => {
        done = true
    })
    await Promise.resolve()
    await Promise.resolve()
    return done
}

describe('SignalQueue', () => {
    it('answers a wait with a signal that came before it', async () => {
        const queue = new SignalQueue()
        queue.deliver('key:0')
        expect(await settled(queue.next('key:0'))).toBe(true)
    })

    it('answers a wait with a signal that comes after it', async () => {
        const queue = new SignalQueue()
        const waiting = queue.next('key:0')
        expect(await settled(waiting)).toBe(false)
        queue.deliver('key:0')
        expect(await settled(waiting)).toBe(true)
    })

    it('uses each signal once: a second typing session waits for its own key:0', async () => {
        const queue = new SignalQueue()
        const first = queue.next('key:0')
        queue.deliver('key:0')
        await first
        queue.deliver('found')
        await queue.next('found')
        expect(await settled(queue.next('key:0'))).toBe(false)
        expect(await settled(queue.next('found'))).toBe(false)
    })

    it('answers as many waits as signals came', async () => {
        const queue = new SignalQueue()
        queue.deliver('key:3')
        queue.deliver('key:3')
        expect(await settled(queue.next('key:3'))).toBe(true)
        expect(await settled(queue.next('key:3'))).toBe(true)
        expect(await settled(queue.next('key:3'))).toBe(false)
    })
})
