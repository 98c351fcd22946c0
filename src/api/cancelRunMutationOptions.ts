import { mutationOptions } from '@tanstack/react-query'

import { ApiError } from './ApiError.ts'
import { postHogKeys, scopeOf } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'
import { TaskRunSchema } from './postHogSchemas.ts'
import type { TaskRun } from './postHogSchemas.ts'

export const MAX_CANCEL_REASON = 500

export interface CancelRunVariables {
    taskId: string
    runId: string
    reason: string
}

/** 202: PostHog is stopping the run; 200: it had already ended and nothing changed. */
export interface CancelOutcome {
    outcome: 'accepted' | 'already_finished'
    run: TaskRun
}

/** POST runs/{id}/cancel/ with an optional reason. */
export async function cancelRun(client: PostHogClient, variables: CancelRunVariables): Promise<CancelOutcome> {
    const reason = variables.reason.trim().slice(0, MAX_CANCEL_REASON)
    const { data, status } = await client.exchangeRunJson({
        method: 'POST',
        taskId: variables.taskId,
        runId: variables.runId,
        action: 'cancel',
        schema: TaskRunSchema,
        body: reason === '' ? {} : { reason },
    })
    return { outcome: status === 202 ? 'accepted' : 'already_finished', run: data }
}

/** A 503 here means PostHog could not reach the run's workflow: safe to send again. */
export function isRetryableCancelError(error: ApiError): boolean {
    return error.status === 503
}

export function cancelRunMutationOptions(client: PostHogClient | undefined) {
    const scope = scopeOf(client)
    return mutationOptions({
        mutationKey: [...scope, 'cancelRun'],
        mutationFn: (variables: CancelRunVariables) => {
            if (!client) {
                const message = 'Connect to PostHog first, then cancel the run again.'
                return Promise.reject(new ApiError({ info: { kind: 'unauthenticated' }, message, status: 0 }))
            }
            return cancelRun(client, variables)
        },
        retry: false,
        onSuccess: (result, { taskId, runId }, _context, { client: queryClient }) => {
            queryClient.setQueryData(postHogKeys.run(scope, taskId, runId), result.run)
        },
    })
}
