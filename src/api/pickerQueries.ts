import { queryOptions } from '@tanstack/react-query'

import { postHogKeys } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

const PICKER_LIMIT = 100

export function sandboxEnvironmentsQueryOptions(client: PostHogClient) {
    return queryOptions({
        queryKey: postHogKeys.sandboxEnvironments(client.scope),
        queryFn: async ({ signal }) =>
            (await client.listSandboxEnvironments({ limit: PICKER_LIMIT }, { signal })).results,
        retry: false,
        staleTime: 60_000,
    })
}

/** Inbox signal reports, for signal_report_id. */
export function signalReportsQueryOptions(client: PostHogClient) {
    return queryOptions({
        queryKey: postHogKeys.signalReports(client.scope),
        queryFn: async ({ signal }) => (await client.listSignalReports({ limit: PICKER_LIMIT }, { signal })).results,
        retry: false,
        staleTime: 60_000,
    })
}
