import type { ActivityEvent } from './parseLogEntry.ts'
import { parseLogEntry } from './parseLogEntry.ts'

export interface ActivityItem {
    /** Stable across updates of the same item (a tool call and its updates share one). */
    key: string
    timestamp: string | undefined
    event: ActivityEvent
    /** A message this page sent that the run's log has not shown yet. */
    pending?: boolean
}

export interface ActivityLog {
    /** Adds entries in order; an entry seen before (a reconnect replays them) is skipped. Returns whether anything changed. */
    append: (values: readonly unknown[]) => boolean
    /** Shows a message sent from this page until the log brings it back. */
    addSentMessage: (text: string) => void
    items: () => readonly ActivityItem[]
    /** Entries taken from the log, duplicates excluded: the offset to page the session log from. */
    count: () => number
}

/** The run's activity as a list of items: dedupes replays, folds tool updates into their call, joins message chunks. */
export function createActivityLog(): ActivityLog {
    const seen = new Set<string>()
    const toolIndex = new Map<string, number>()
    let items: ActivityItem[] = []
    let count = 0
    let nextKey = 0
    // The message being streamed in chunks, by index.
    let streaming: number | undefined

    const push = (item: Omit<ActivityItem, 'key'>) => {
        items.push({ ...item, key: `a${nextKey++}` })
        return items.length - 1
    }

    const add = (value: unknown): void => {
        const { timestamp, event } = parseLogEntry(value)
        // The run's status and stage show in the result panel, not as items.
        if (event.kind === 'run_state') return
        if (event.kind === 'tool') {
            const at = toolIndex.get(event.toolCallId)
            const previous = at === undefined ? undefined : items[at]
            if (at !== undefined && previous?.event.kind === 'tool') {
                const old = previous.event
                items[at] = {
                    ...previous,
                    event: {
                        ...old,
                        title: event.title ?? old.title,
                        toolName: event.toolName ?? old.toolName,
                        state: event.state ?? old.state,
                        input: event.input ?? old.input,
                        output: event.output ?? old.output,
                    },
                }
                return
            }
            toolIndex.set(event.toolCallId, push({ timestamp, event: { ...event, state: event.state ?? 'pending' } }))
            streaming = undefined
            return
        }
        if (event.kind === 'agent_message') {
            const current = streaming === undefined ? undefined : items[streaming]
            if (streaming !== undefined && current?.event.kind === 'agent_message') {
                const text = event.chunk ? current.event.text + event.text : event.text
                items[streaming] = { ...current, event: { kind: 'agent_message', text, chunk: event.chunk } }
                if (!event.chunk) streaming = undefined
                return
            }
            const at = push({ timestamp, event })
            streaming = event.chunk ? at : undefined
            return
        }
        streaming = undefined
        if (event.kind === 'user_message') {
            const at = items.findIndex(
                (item) =>
                    item.pending === true &&
                    item.event.kind === 'user_message' &&
                    item.event.text.trim() === event.text.trim()
            )
            const found = items[at]
            if (found !== undefined) {
                items[at] = { key: found.key, timestamp, event }
                return
            }
        }
        push({ timestamp, event })
    }

    return {
        append(values) {
            const before = count
            // Work on a copy: the previous array may be on screen.
            const previous = items
            items = items.slice()
            for (const value of values) {
                const identity = typeof value === 'string' ? `s:${value}` : `j:${JSON.stringify(value)}`
                if (seen.has(identity)) continue
                seen.add(identity)
                count++
                add(value)
            }
            if (count === before) {
                items = previous
                return false
            }
            return true
        },
        addSentMessage(text) {
            streaming = undefined
            items = items.slice()
            push({
                timestamp: new Date().toISOString(),
                event: { kind: 'user_message', text, chunk: false },
                pending: true,
            })
        },
        items: () => items,
        count: () => count,
    }
}
