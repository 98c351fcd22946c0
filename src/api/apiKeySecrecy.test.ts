// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { MutationObserver, QueryClient } from '@tanstack/react-query'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_RUN_IDS, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import { ApiError } from './ApiError.ts'
import { connectionQueryOptions } from './connectionQueryOptions.ts'
import type { PostHogClient } from './createPostHogClient.ts'
import { createPostHogClient } from './createPostHogClient.ts'
import { modelsQueryOptions } from './modelsQueryOptions.ts'
import { sandboxEnvironmentsQueryOptions, signalReportsQueryOptions } from './pickerQueries.ts'
import { schemaDocumentQueryOptions } from './schemaDocumentQueryOptions.ts'
import { runTaskMutationOptions } from './runTaskMutationOptions.ts'
import { runQueryOptions, runsQueryOptions, taskQueryOptions, tasksQueryOptions } from './taskQueries.ts'

const KEY = DEMO_KEYS.full
const UNKNOWN_KEY = 'phx_unknown_secret_key_0123456789'
const TASK = DEMO_TASK_IDS.flakyLoginTest
let fake: FakePostHog

beforeAll(async () => {
    fake = await startFakePostHog()
})

afterAll(async () => {
    await fake.close()
})

function clientWith(apiKey: string, host = fake.origin): PostHogClient {
    return createPostHogClient({ host, projectId: String(DEMO_PROJECT_ID), apiKey })
}

function everyQuery(client: PostHogClient) {
    return [
        tasksQueryOptions(client, 'login'),
        // the connection check reads the unsearched first page for the picker
        tasksQueryOptions(client, ''),
        taskQueryOptions(client, TASK),
        runsQueryOptions(client, TASK),
        runQueryOptions(client, TASK, DEMO_RUN_IDS.flakyLoginCompleted),
        sandboxEnvironmentsQueryOptions(client),
        signalReportsQueryOptions(client),
        modelsQueryOptions(client),
        connectionQueryOptions(client),
        schemaDocumentQueryOptions(client),
    ]
}

function serialized(error: ApiError): string {
    return `${error.message} ${JSON.stringify(error)} ${String(error.detail)}`
}

describe('the API key', () => {
    it('is in no query key, mutation key or client property', () => {
        const client = clientWith(KEY)
        const keys = [
            ...everyQuery(client).map((options) => options.queryKey),
            runTaskMutationOptions(client).mutationKey,
        ]
        expect(JSON.stringify(keys)).not.toContain(KEY)
        expect(JSON.stringify(client)).not.toContain(KEY)
        expect(Object.values(client).filter((value) => typeof value === 'string')).not.toContain(KEY)
    })

    it('is nowhere in the query or mutation cache after every query and a run', async () => {
        const client = clientWith(KEY)
        const qc = new QueryClient()
        await qc.infiniteQuery(tasksQueryOptions(client, 'login'))
        await qc.query(taskQueryOptions(client, TASK))
        await qc.query(runsQueryOptions(client, TASK))
        await qc.query(runQueryOptions(client, TASK, DEMO_RUN_IDS.flakyLoginCompleted))
        await qc.query(sandboxEnvironmentsQueryOptions(client))
        await qc.query(signalReportsQueryOptions(client))
        await qc.query(modelsQueryOptions(client))
        await qc.query(connectionQueryOptions(client))
        await qc.query(schemaDocumentQueryOptions(client))
        await new MutationObserver(qc, runTaskMutationOptions(client)).mutate({
            taskId: TASK,
            body: { runtime_adapter: 'claude', model: 'claude-sonnet-5' },
        })
        const queries = qc.getQueryCache().getAll()
        expect(queries.length).toBe(everyQuery(client).length + 1)
        const dump = JSON.stringify([
            queries.map((query) => [query.queryKey, query.state]),
            qc
                .getMutationCache()
                .getAll()
                .map((mutation) => [mutation.options.mutationKey, mutation.state]),
        ])
        expect(dump).not.toContain(KEY)
    })

    it.each<[string, () => Promise<unknown>]>([
        ['an unknown key', () => clientWith(UNKNOWN_KEY).listTasks()],
        [
            'a server echoing the key',
            () => {
                fake.inject({ path: /\/tasks\/?$/, status: 403, body: { detail: `Key ${UNKNOWN_KEY} is not allowed` } })
                return clientWith(UNKNOWN_KEY).listTasks()
            },
        ],
        ['an unreachable host', () => clientWith(UNKNOWN_KEY, 'http://127.0.0.1:9').listTasks()],
        ['a run with an unknown key', () => clientWith(UNKNOWN_KEY).runTask(TASK, {})],
        [
            'a failing query through react-query',
            () => new QueryClient().query(runsQueryOptions(clientWith(UNKNOWN_KEY), TASK)),
        ],
    ])('is in no ApiError: %s', async (_name, call) => {
        const error: unknown = await call().then(
            () => undefined,
            (reason: unknown) => reason
        )
        if (!(error instanceof ApiError)) throw new Error('expected an ApiError')
        expect(serialized(error)).not.toContain(UNKNOWN_KEY)
    })

    it('travels only in the Authorization header', () => {
        const request = fake.requests.find((candidate) => candidate.headers['authorization'] === `Bearer ${KEY}`)
        expect(request).toBeDefined()
        const leaks = fake.requests.filter((candidate) => candidate.path.includes(KEY) || candidate.body.includes(KEY))
        expect(leaks).toEqual([])
    })
})
