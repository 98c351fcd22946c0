import { whenIdle } from '../lib/useIdleAfterMount.ts'
import type { ActivityItem } from './createActivityLog.ts'
import { createActivityLog } from './createActivityLog.ts'
import type { FollowState } from './followRunActivity.ts'
import type { ActivityEvent } from './parseLogEntry.ts'

export interface ActivitySnapshot {
    items: readonly ActivityItem[]
    state: FollowState
    /** Set when following stopped on an error. */
    problem: string | undefined
}

export interface ActivityStore {
    subscribe: (listener: () => void) => () => void
    getSnapshot: () => ActivitySnapshot
    /** Adds entries (replays skipped) and returns the new entries' events. */
    append: (values: readonly unknown[]) => readonly ActivityEvent[]
    addSentMessage: (text: string) => void
    setState: (state: FollowState, problem?: string) => void
    /** While held (nobody can see the activity), new entries are kept but not shown; released, they show at once. */
    hold: (held: boolean) => void
}

/**
 * The activity for useSyncExternalStore; bursts of entries become one render per scheduled flush. By default new
 * entries show once the page has a moment to spare, at most a second later: a keystroke in the form goes first.
 */
export function createActivityStore(
    schedule: (flush: () => void) => void = (flush) => {
        whenIdle(flush, 1000)
    }
): ActivityStore {
    const log = createActivityLog()
    const listeners = new Set<() => void>()
    let snapshot: ActivitySnapshot = { items: log.items(), state: 'history', problem: undefined }
    let scheduled = false
    let held = false
    // Entries came in while held: show them once released.
    let waiting = false

    const publish = () => {
        scheduled = false
        snapshot = { ...snapshot, items: log.items() }
        for (const listener of listeners) listener()
    }
    const later = () => {
        if (held) {
            waiting = true
            return
        }
        if (scheduled) return
        scheduled = true
        schedule(publish)
    }

    return {
        subscribe(listener) {
            listeners.add(listener)
            return () => listeners.delete(listener)
        },
        getSnapshot: () => snapshot,
        append(values) {
            const added = log.append(values)
            if (added.length > 0) later()
            return added
        },
        addSentMessage(text) {
            log.addSentMessage(text)
            publish()
        },
        setState(state, problem) {
            if (snapshot.state === state && snapshot.problem === problem) return
            snapshot = { ...snapshot, state, problem }
            for (const listener of listeners) listener()
        },
        hold(value) {
            held = value
            if (held || !waiting) return
            waiting = false
            publish()
        },
    }
}
