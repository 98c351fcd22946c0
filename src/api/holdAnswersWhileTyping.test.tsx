import { notifyManager } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { holdAnswersWhileTyping } from './holdAnswersWhileTyping.ts'

let uninstall: (() => void) | undefined

beforeEach(() => {
    vi.useFakeTimers()
    document.body.innerHTML = `
        <textarea aria-label="Message"></textarea>
        <input aria-label="Search tasks" type="search" />
        <input aria-label="Repository" />
        <input aria-label="Auto merge" type="checkbox" />`
})

afterEach(() => {
    uninstall?.()
    uninstall = undefined
    vi.useRealTimers()
})

function control(label: string): Element {
    const element = document.querySelector(`[aria-label="${label}"]`)
    if (!element) throw new Error(`no control labelled ${label}`)
    return element
}

function keyDown(label: string): void {
    control(label).dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }))
}

/** Keys 16 ms apart, as fast as frames, for `durationMs`. */
function typeInto(label: string, durationMs: number): void {
    for (let elapsed = 0; elapsed < durationMs; elapsed += 16) {
        keyDown(label)
        vi.advanceTimersByTime(16)
    }
}

/** Installs the hold (removed after the test) and schedules one notification, after a first key into `label`. */
function notifyWhileTyping(label?: string) {
    uninstall = holdAnswersWhileTyping(window, Date.now)
    const notified = vi.fn()
    if (label) keyDown(label)
    notifyManager.schedule(notified)
    return notified
}

describe('holdAnswersWhileTyping', () => {
    it("holds react-query's notifications while the user types fast in a text field, and lets them out at the pause", () => {
        const notified = notifyWhileTyping('Message')
        typeInto('Message', 320)
        expect(notified).not.toHaveBeenCalled()
        vi.advanceTimersByTime(50)
        expect(notified).toHaveBeenCalledTimes(1)
    })

    it('counts text inputs as typing', () => {
        const notified = notifyWhileTyping('Repository')
        typeInto('Repository', 160)
        expect(notified).not.toHaveBeenCalled()
    })

    it('lets answers out at once when the keys go to a search box (its results are what the user waits for) or a checkbox', () => {
        const notified = notifyWhileTyping()
        typeInto('Search tasks', 32)
        expect(notified).toHaveBeenCalledTimes(1)
        notifyManager.schedule(notified)
        typeInto('Auto merge', 32)
        expect(notified).toHaveBeenCalledTimes(2)
    })

    it('holds nothing past a second, however long the keys go on', () => {
        const notified = notifyWhileTyping('Message')
        typeInto('Message', 990)
        expect(notified).not.toHaveBeenCalled()
        typeInto('Message', 16)
        expect(notified).toHaveBeenCalledTimes(1)
    })

    it('stops holding answers once uninstalled', () => {
        holdAnswersWhileTyping(window, Date.now)()
        const notified = vi.fn()
        keyDown('Message')
        notifyManager.schedule(notified)
        typeInto('Message', 32)
        expect(notified).toHaveBeenCalledTimes(1)
    })
})
