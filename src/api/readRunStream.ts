import { createParser } from 'eventsource-parser'

import type { PostHogClient } from './createPostHogClient.ts'

/** Why a stream stopped: the run finished, PostHog rotated it (reconnect), it failed, or it just closed. */
export type StreamEnd =
    { kind: 'complete' } | { kind: 'rotated' } | { kind: 'unavailable'; message: string } | { kind: 'closed' }

export interface ReadRunStreamOptions {
    signal: AbortSignal
    /** Each default event's data, parsed as JSON; text that is not JSON arrives as the string itself. */
    onData: (value: unknown) => void
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
    const response = await client.openRunStream(taskId, runId, { signal: options.signal })
    const body = response.body
    if (body === null) return { kind: 'closed' }
    let end: StreamEnd | undefined
    const parser = createParser({
        onEvent: (message) => {
            if (end !== undefined) return
            const value = parseData(message.data)
            switch (message.event) {
                case undefined:
                case 'message':
                    options.onData(value)
                    return
                case 'end':
                    end = { kind: 'rotated' }
                    return
                case 'stream-end':
                    end = { kind: 'complete' }
                    return
                case 'error': {
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
        while (end === undefined) {
            const { done, value } = await reader.read()
            if (done) break
            parser.feed(value)
        }
    } finally {
        await reader.cancel().catch(() => undefined)
    }
    return end ?? { kind: 'closed' }
}
