// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { QueryClient, skipToken } from '@tanstack/react-query'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID } from '../../fake-posthog/seedData.ts'
import { startFakePostHog, type FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { ApiError } from './ApiError.ts'
import { postHogKeys } from './connectionScope.ts'
import { createPostHogClient } from './createPostHogClient.ts'
import { schemaDocumentQueryOptions } from './schemaDocumentQueryOptions.ts'

let live: FakePostHog
let broken: FakePostHog

beforeAll(async () => {
    // Like PostHog's: paths and schemas for the whole API around the run schema.
    const extended = buildExtendedSchemaDocument()
    const schemaDocument = {
        ...extended,
        paths: { '/api/projects/{project_id}/insights/': { get: { responses: {} } } },
        components: { schemas: { ...extended.components.schemas, InsightSchema: { type: 'object' } } },
    }
    live = await startFakePostHog({ schemaDocument })
    broken = await startFakePostHog({ schemaDocument: 'garbage' })
})

afterAll(async () => {
    await Promise.all([live.close(), broken.close()])
})

function clientFor(fake: FakePostHog, projectId = String(DEMO_PROJECT_ID)) {
    return createPostHogClient({ host: fake.origin, projectId, apiKey: DEMO_KEYS.full })
}

describe('schemaDocumentQueryOptions', () => {
    it('asks for nothing until there is a client', () => {
        expect(schemaDocumentQueryOptions(undefined).queryFn).toBe(skipToken)
    })

    it('keys the document by host only, so every project and key on a host shares it', () => {
        const one = schemaDocumentQueryOptions(clientFor(live, '1')).queryKey
        const other = schemaDocumentQueryOptions(createPostHogClient({ host: live.origin, projectId: '2', apiKey: '' }))
        expect(other.queryKey).toEqual(one)
        expect(one).toEqual(postHogKeys.schemaDocument(live.origin))
        expect(schemaDocumentQueryOptions(clientFor(broken)).queryKey).not.toEqual(one)
    })

    it('reads the JSON document without the key, once per host', async () => {
        const queryClient = new QueryClient()
        const client = clientFor(live)
        const document = await queryClient.query(schemaDocumentQueryOptions(client))
        await queryClient.query(schemaDocumentQueryOptions(clientFor(live, '2')))
        expect(document).toHaveProperty([
            'components',
            'schemas',
            'ClaudeTaskRunCreateSchema',
            'properties',
            'fast_mode',
        ])
        const calls = live.requests.filter((request) => request.path.startsWith('/api/schema/'))
        expect(calls.map((request) => request.path)).toEqual(['/api/schema/?format=json'])
        expect(calls[0]?.headers['authorization']).toBeUndefined()
        queryClient.clear()
    })

    it('keeps only the run schema and the components it refers to, not the whole document', async () => {
        const queryClient = new QueryClient()
        const kept = await queryClient.query(schemaDocumentQueryOptions(clientFor(live)))
        expect(Object.keys(kept)).toEqual(['components'])
        expect(kept).toHaveProperty(['components', 'schemas', 'ContextWindowEnum'])
        expect(kept).not.toHaveProperty(['components', 'schemas', 'InsightSchema'])
        queryClient.clear()
    })

    it('rejects with an ApiError when the answer is not a document', async () => {
        const queryClient = new QueryClient()
        await expect(queryClient.query(schemaDocumentQueryOptions(clientFor(broken)))).rejects.toBeInstanceOf(ApiError)
        queryClient.clear()
    })
})
