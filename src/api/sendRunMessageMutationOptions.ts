import { mutationOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'

import { ApiError } from './ApiError.ts'
import { scopeOf } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

export interface SendRunMessageVariables {
    taskId: string
    runId: string
    content: string
}

const CommandResultSchema = z.object({
    result: z.catch(z.optional(z.object({ queued: z.catch(z.optional(z.boolean()), undefined) })), undefined),
})

/** POST runs/{id}/command/ with a JSON-RPC user_message; PostHog took it only when it says queued: true. */
export async function sendRunMessage(client: PostHogClient, variables: SendRunMessageVariables): Promise<void> {
    const { data, status } = await client.exchangeRunJson({
        method: 'POST',
        taskId: variables.taskId,
        runId: variables.runId,
        action: 'command',
        schema: CommandResultSchema,
        body: {
            jsonrpc: '2.0',
            method: 'user_message',
            params: { content: variables.content },
            id: crypto.randomUUID(),
        },
    })
    if (data.result?.queued !== true) {
        const message = 'PostHog did not queue the message for the run. Try again, or open the run in PostHog.'
        throw new ApiError({ info: { kind: 'unexpected' }, message, status })
    }
}

/** Message text is the user's own words: the settled mutation leaves the cache, and nothing is retried. */
export function sendRunMessageMutationOptions(client: PostHogClient | undefined) {
    return mutationOptions({
        mutationKey: [...scopeOf(client), 'sendRunMessage'],
        mutationFn: (variables: SendRunMessageVariables) => {
            if (!client) {
                const message = 'Connect to PostHog first, then send the message again.'
                return Promise.reject(new ApiError({ info: { kind: 'unauthenticated' }, message, status: 0 }))
            }
            return sendRunMessage(client, variables)
        },
        gcTime: 0,
        retry: false,
    })
}
