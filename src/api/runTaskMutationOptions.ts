import { mutationOptions } from '@tanstack/react-query'

import type { FieldModel, RunRequestBody } from '../schema/fieldModel.ts'
import { ApiError } from './ApiError.ts'
import { postHogKeys, scopeOf } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

export interface RunTaskVariables {
    taskId: string
    body: RunRequestBody
    /** From an earlier warming_up error; used only when the client can send the header. */
    warmRetryToken?: string | undefined
}

/** Starts a run; the body may hold writeOnly values, so the settled mutation leaves the cache and nothing is retried. */
export function runTaskMutationOptions(client: PostHogClient | undefined, fieldModel?: FieldModel) {
    const scope = scopeOf(client)
    return mutationOptions({
        mutationKey: postHogKeys.runTask(scope),
        mutationFn: ({ taskId, body, warmRetryToken }: RunTaskVariables) => {
            if (!client) {
                // The app checks the connection first; this only guards against a race with "Forget key".
                const message = 'Connect to PostHog first, then start the run again.'
                return Promise.reject(new ApiError({ info: { kind: 'unauthenticated' }, message, status: 0 }))
            }
            return client.runTask(taskId, body, { warmRetryToken, fieldModel })
        },
        gcTime: 0,
        retry: false,
        // Nothing awaited: the result panel shows the run from this answer at once. The task's runs are not refetched:
        // a live run cannot be resumed, and the result panel refreshes them when it ends.
        onSuccess: (started, { taskId }, _result, { client: queryClient }) => {
            if (started.run !== undefined) {
                queryClient.setQueryData(postHogKeys.run(scope, taskId, started.run.id), started.run)
            }
            queryClient.setQueryData(postHogKeys.task(scope, taskId), started.task)
        },
        onSettled: (_data, _error, variables, _result, { client: queryClient }) => {
            // gcTime 0 waits until no observer holds the mutation, and useMutation holds it until the next run.
            const cache = queryClient.getMutationCache()
            const settled = cache.findAll({ predicate: (mutation) => mutation.state.variables === variables })
            for (const mutation of settled) cache.remove(mutation)
        },
    })
}
