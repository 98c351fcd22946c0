import { queryOptions, skipToken } from '@tanstack/react-query'

import { RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { keepSchemaWithReferences } from '../schema/keepSchemaWithReferences.ts'
import { postHogKeys } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'

/**
 * The live OpenAPI document, cached per host (it is public); no client means no request yet. Only the run schema and
 * the components it refers to are kept: the whole document is megabytes the page would hold for the visit.
 */
export function schemaDocumentQueryOptions(client: PostHogClient | undefined) {
    return queryOptions({
        queryKey: postHogKeys.schemaDocument(client?.host ?? ''),
        queryFn: client
            ? async ({ signal }) =>
                  keepSchemaWithReferences(await client.getSchemaDocument({ signal }), RUN_SCHEMA_NAME)
            : skipToken,
        retry: false,
        staleTime: Infinity,
        // A page rarely talks to more than one host; keep its document for the whole visit.
        gcTime: Infinity,
    })
}
