import { queryOptions, skipToken } from '@tanstack/react-query'

import { postHogKeys } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

/** The live OpenAPI document, cached per host (it is public); no client means no request yet. */
export function schemaDocumentQueryOptions(client: PostHogClient | undefined) {
    return queryOptions({
        queryKey: postHogKeys.schemaDocument(client?.host ?? ''),
        queryFn: client ? ({ signal }) => client.getSchemaDocument({ signal }) : skipToken,
        retry: false,
        staleTime: Infinity,
        // A page rarely talks to more than one host; keep its document for the whole visit.
        gcTime: Infinity,
    })
}
