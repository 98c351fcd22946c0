import * as z from 'zod/mini'

import type { PostHogClient } from './createPostHogClient.ts'

/** PostHog's own ceiling for one page of the session log. */
export const SESSION_LOG_PAGE_LIMIT = 5000

// Entries are checked one by one by the activity parser, so one odd line never loses the page.
const SessionLogPageSchema = z.array(z.unknown())

export interface SessionLogPage {
    entries: readonly unknown[]
    /** From X-Has-More; undefined when the header is not readable (PostHog's CORS does not expose it). */
    hasMore: boolean | undefined
}

/** GET runs/{id}/session_logs/: the stored log as a JSON array, oldest first, paged by offset. */
export async function fetchSessionLogPage(
    client: PostHogClient,
    taskId: string,
    runId: string,
    offset: number,
    signal?: AbortSignal
): Promise<SessionLogPage> {
    const { data, headers } = await client.exchangeRunJson({
        method: 'GET',
        taskId,
        runId,
        action: 'session_logs',
        schema: SessionLogPageSchema,
        query: { limit: SESSION_LOG_PAGE_LIMIT, offset },
        signal,
    })
    const header = headers.get('x-has-more')?.trim().toLowerCase()
    return { entries: data, hasMore: header === 'true' ? true : header === 'false' ? false : undefined }
}
