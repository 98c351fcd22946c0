import { mutationOptions } from '@tanstack/react-query'

import type { FieldModel, RunRequestBody } from '../schema/fieldModel.ts'
import { postHogKeys } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

export interface RunTaskVariables {
    taskId: string
    body: RunRequestBody
    /** From an earlier warming_up error; used only when the client can send the header. */
    warmRetryToken?: string | undefined
}

/** Starts a run; the body may hold writeOnly values, so nothing is kept (gcTime 0) and nothing is retried. */
export function runTaskMutationOptions(client: PostHogClient, fieldModel?: FieldModel) {
    return mutationOptions({
        mutationKey: postHogKeys.runTask(client.scope),
        mutationFn: ({ taskId, body, warmRetryToken }: RunTaskVariables) =>
            client.runTask(taskId, body, { warmRetryToken, fieldModel }),
        gcTime: 0,
        retry: false,
        onSuccess: async (started, { taskId }, _result, { client: queryClient }) => {
            if (started.run !== undefined) {
                queryClient.setQueryData(postHogKeys.run(client.scope, taskId, started.run.id), started.run)
            }
            queryClient.setQueryData(postHogKeys.task(client.scope, taskId), started.task)
            await queryClient.invalidateQueries({ queryKey: postHogKeys.runs(client.scope, taskId), exact: true })
        },
    })
}
