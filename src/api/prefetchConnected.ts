import type { QueryClient } from '@tanstack/react-query'

import type { PostHogClient } from './createPostHogClient.ts'
import { modelsQueryOptions } from './modelsQueryOptions.ts'
import { runDefaultsQueryOptions } from './runDefaultsQueryOptions.ts'
import { sandboxEnvironmentsQueryOptions, signalReportsQueryOptions } from './pickerQueries.ts'
import { schemaDocumentQueryOptions } from './schemaDocumentQueryOptions.ts'
import { runsQueryOptions } from './taskQueries.ts'

const TASK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Asks for what a connected form certainly needs (models, run defaults, live schema, pickers, the task's runs) alongside the
 * connection check instead of after it, into the same cache entries the form reads; warms the task's run preflight.
 */
export function prefetchConnected(queryClient: QueryClient, client: PostHogClient, taskId: string): void {
    // a failure stays in the cache entry for the form to show; nothing to do with it here
    const ignore = (): undefined => undefined
    queryClient.query(modelsQueryOptions(client)).catch(ignore)
    queryClient.query(schemaDocumentQueryOptions(client)).catch(ignore)
    queryClient.query(runDefaultsQueryOptions(client)).catch(ignore)
    queryClient.query(sandboxEnvironmentsQueryOptions(client)).catch(ignore)
    queryClient.query(signalReportsQueryOptions(client)).catch(ignore)
    if (taskId === '') return
    queryClient.query(runsQueryOptions(client, taskId)).catch(ignore)
    // only a whole task id: one typed character at a time would warm a URL per keystroke
    if (TASK_ID.test(taskId)) client.warmRunPreflight(taskId)
}
