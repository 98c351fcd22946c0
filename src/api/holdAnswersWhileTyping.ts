import { defaultScheduler, notifyManager } from '@tanstack/react-query'

import { createTypingGate } from '../lib/typingGate.ts'

/** A gap this long between keys is a pause: a typist's usual 100–250 ms between keys leaves room to show answers. */
const PAUSE_MS = 50
/** Past this, answers show even while keys keep coming (a held key repeating, a very fast burst). */
const MAX_HOLD_MS = 1000

/** Text the user types into; a search box is left out, since what it waits for is its own results. */
function isTypingTarget(target: EventTarget | null): boolean {
    if (!(target instanceof Element)) return false
    if (target instanceof HTMLElement && target.isContentEditable) return true
    if (target.tagName === 'TEXTAREA') return true
    if (target.tagName !== 'INPUT') return false
    const type = (target.getAttribute('type') ?? 'text').toLowerCase()
    return ['text', 'email', 'url', 'tel', 'password', 'number'].includes(type)
}

/**
 * Re-renders from PostHog's answers (react-query's notifications) wait for a pause in typing, at most a second:
 * each one that lands between two fast keys delays the second key's frame. Returns the uninstaller.
 */
export function holdAnswersWhileTyping(target: Window, now = () => performance.now()): () => void {
    const gate = createTypingGate({ quietMs: PAUSE_MS, maxWaitMs: MAX_HOLD_MS, now })
    const onKeyDown = (event: KeyboardEvent): void => {
        if (isTypingTarget(event.target)) gate.keyTyped()
    }
    target.addEventListener('keydown', onKeyDown, { capture: true })
    notifyManager.setScheduler(gate.schedule)
    return () => {
        target.removeEventListener('keydown', onKeyDown, { capture: true })
        notifyManager.setScheduler(defaultScheduler)
    }
}
