import { queryOptions } from '@tanstack/react-query'

import { postHogKeys } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

/** The live OpenAPI document; on any error the app keeps the bundled schema. */
export function schemaDocumentQueryOptions(client: PostHogClient) {
    return queryOptions({
        queryKey: postHogKeys.schemaDocument(client.host),
        queryFn: ({ signal }) => client.getSchemaDocument({ signal }),
        retry: false,
        staleTime: Infinity,
    })
}
