import { queryOptions, skipToken } from '@tanstack/react-query'

import { checkConnection } from './checkConnection.ts'
import { postHogKeys, scopeOf } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

/** "Check connection" for a candidate client; no client (nothing to check yet) means no request. */
export function connectionQueryOptions(client: PostHogClient | undefined) {
    return queryOptions({
        queryKey: postHogKeys.connection(scopeOf(client)),
        queryFn: client ? ({ signal }) => checkConnection(client, { signal }) : skipToken,
        retry: false,
        staleTime: Infinity,
    })
}
