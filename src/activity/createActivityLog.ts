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
    /** Adds entries in order; an entry seen before (a reconnect replays them) is skipped. Returns the new entries' events. */
    append: (values: readonly unknown[]) => readonly ActivityEvent[]
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
    // Set once items() has handed the array out: the next change copies it (React may be showing it), once.
    let shared = false
    let count = 0
    let nextKey = 0
    // Messages from the log that no send of this page has matched yet (texts, trimmed).
    const unclaimed: string[] = []
    // The message being streamed in chunks, by index.
    let streaming: number | undefined

    const own = () => {
        if (!shared) return
        items = items.slice()
        shared = false
    }
    const push = (item: Omit<ActivityItem, 'key'>) => {
        own()
        items.push({ ...item, key: `a${nextKey++}` })
        return items.length - 1
    }
    const replace = (at: number, item: ActivityItem) => {
        own()
        items[at] = item
    }

    const add = (timestamp: string | undefined, event: ActivityEvent): void => {
        // The run's status and stage show in the result panel, not as items.
        if (event.kind === 'run_state') return
        if (event.kind === 'tool') {
            const at = toolIndex.get(event.toolCallId)
            const previous = at === undefined ? undefined : items[at]
            if (at !== undefined && previous?.event.kind === 'tool') {
                const old = previous.event
                replace(at, {
                    ...previous,
                    event: {
                        ...old,
                        title: event.title ?? old.title,
                        toolName: event.toolName ?? old.toolName,
                        state: event.state ?? old.state,
                        input: event.input ?? old.input,
                        output: event.output ?? old.output,
                    },
                })
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
                replace(streaming, { ...current, event: { kind: 'agent_message', text, chunk: event.chunk } })
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
                replace(at, { key: found.key, timestamp, event })
                return
            }
            // The log can bring a message back before its send has been answered: the send then finds it here.
            unclaimed.push(event.text.trim())
        }
        push({ timestamp, event })
    }

    return {
        append(values) {
            const added: ActivityEvent[] = []
            for (const value of values) {
                const identity = typeof value === 'string' ? `s:${value}` : `j:${JSON.stringify(value)}`
                if (seen.has(identity)) continue
                seen.add(identity)
                count++
                const { timestamp, event } = parseLogEntry(value)
                add(timestamp, event)
                added.push(event)
            }
            return added
        },
        addSentMessage(text) {
            const early = unclaimed.indexOf(text.trim())
            if (early !== -1) {
                unclaimed.splice(early, 1)
                return
            }
            streaming = undefined
            push({
                timestamp: new Date().toISOString(),
                event: { kind: 'user_message', text, chunk: false },
                pending: true,
            })
        },
        items: () => {
            shared = true
            return items
        },
        count: () => count,
    }
}
