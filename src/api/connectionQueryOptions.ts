import { queryOptions } from '@tanstack/react-query'

import { checkConnection } from './checkConnection.ts'
import { postHogKeys } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

/** "Check connection": run it with refetch() from a button, or enable it once the form is filled. */
export function connectionQueryOptions(client: PostHogClient) {
    // client.scope (host + project) identifies the client; the API key must stay out of query keys.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    return queryOptions({
        queryKey: postHogKeys.connection(client.scope),
        queryFn: ({ signal }) => checkConnection(client, { signal }),
        retry: false,
        staleTime: Infinity,
    })
}
