import { queryOptions, skipToken } from '@tanstack/react-query'

import { postHogKeys, scopeOf } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

const PICKER_LIMIT = 100

export function sandboxEnvironmentsQueryOptions(client: PostHogClient | undefined) {
    return queryOptions({
        queryKey: postHogKeys.sandboxEnvironments(scopeOf(client)),
        queryFn: client
            ? async ({ signal }) => (await client.listSandboxEnvironments({ limit: PICKER_LIMIT }, { signal })).results
            : skipToken,
        retry: false,
        staleTime: 60_000,
    })
}

/** Inbox signal reports, for signal_report_id. */
export function signalReportsQueryOptions(client: PostHogClient | undefined) {
    return queryOptions({
        queryKey: postHogKeys.signalReports(scopeOf(client)),
        queryFn: client
            ? async ({ signal }) => (await client.listSignalReports({ limit: PICKER_LIMIT }, { signal })).results
            : skipToken,
        retry: false,
        staleTime: 60_000,
    })
}
