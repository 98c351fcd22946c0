import { createParser } from 'eventsource-parser'

import { createTimeSlicer } from '../lib/yieldToMain.ts'
import type { PostHogClient } from './createPostHogClient.ts'

// A replayed backlog can be megabytes: it is parsed in pieces, yielding to input every few milliseconds.
const FEED_CHARS = 16_384
const SLICE_BUDGET_MS = 4

/** Why a stream stopped: the run finished, PostHog rotated it (reconnect), it failed, or it just closed. */
export type StreamEnd =
    { kind: 'complete' } | { kind: 'rotated' } | { kind: 'unavailable'; message: string } | { kind: 'closed' }

export interface ReadRunStreamOptions {
    signal: AbortSignal
    /** Skip the backlog: the caller has read the session log and fills the gap itself. */
    fromLatest?: boolean | undefined
    /** Called once the stream is open, before the first event. */
    onOpen?: (() => void) | undefined
    /**
     * The default events' data of each chunk read, parsed as JSON (text that is not JSON arrives as the string):
     * a replayed backlog of thousands of entries comes in a few batches, not one call per entry.
     */
    onValues: (values: readonly unknown[]) => void
    /** True for an event's data already delivered on an earlier connection: skipped before it is parsed. */
    isReplay?: ((data: string) => boolean) | undefined
}

function parseData(data: string): unknown {
    try {
        return JSON.parse(data)
    } catch {
        return data
    }
}

/** GET runs/{id}/stream/ read with fetch (a Bearer key cannot use EventSource) until it ends; rejects on a failed open. */
export async function readRunStream(
    client: PostHogClient,
    taskId: string,
    runId: string,
    options: ReadRunStreamOptions
): Promise<StreamEnd> {
    const response = await client.openRunStream(taskId, runId, {
        signal: options.signal,
        fromLatest: options.fromLatest,
    })
    const body = response.body
    if (body === null) return { kind: 'closed' }
    options.onOpen?.()
    let end: StreamEnd | undefined
    let batch: unknown[] = []
    const slice = createTimeSlicer(SLICE_BUDGET_MS)
    // A function: the parser's callbacks set `end` between the loop's checks.
    const stillOpen = () => end === undefined
    const parser = createParser({
        onEvent: (message) => {
            if (end !== undefined) return
            switch (message.event) {
                case undefined:
                case 'message':
                    if (options.isReplay?.(message.data) !== true) batch.push(parseData(message.data))
                    return
                case 'end':
                    end = { kind: 'rotated' }
                    return
                case 'stream-end':
                    end = { kind: 'complete' }
                    return
                case 'error': {
                    const value = parseData(message.data)
                    const text = typeof value === 'object' && value !== null && 'error' in value ? value.error : value
                    end = { kind: 'unavailable', message: typeof text === 'string' ? text : 'Stream not available' }
                    return
                }
                default:
                    // keepalive and names this app does not know carry nothing to show.
                    return
            }
        },
    })
    const reader = body.pipeThrough(new TextDecoderStream()).getReader()
    try {
        while (stillOpen()) {
            const { done, value } = await reader.read()
            if (done) break
            for (let at = 0; at < value.length && stillOpen(); at += FEED_CHARS) {
                parser.feed(value.length <= FEED_CHARS ? value : value.slice(at, at + FEED_CHARS))
                if (batch.length > 0) {
                    const values = batch
                    batch = []
                    options.onValues(values)
                }
                await slice()
            }
        }
    } finally {
        await reader.cancel().catch(() => undefined)
    }
    return end ?? { kind: 'closed' }
}
