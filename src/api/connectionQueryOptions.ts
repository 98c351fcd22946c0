import { queryOptions, skipToken } from '@tanstack/react-query'

import { checkConnection } from './checkConnection.ts'
import { postHogKeys, scopeOf } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'
import { tasksQueryOptions } from './taskQueries.ts'

/** "Check connection" for a candidate client; no client (nothing to check yet) means no request. */
export function connectionQueryOptions(client: PostHogClient | undefined) {
    return queryOptions({
        queryKey: postHogKeys.connection(scopeOf(client)),
        queryFn: client
            ? ({ signal, client: queryClient }) =>
                  // The proof of access is the task list's first page, which the picker then shows without asking again.
                  checkConnection(client, { signal }, () => queryClient.infiniteQuery(tasksQueryOptions(client, '')))
            : skipToken,
        retry: false,
        staleTime: Infinity,
    })
}
