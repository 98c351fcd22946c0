// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { QueryClient, skipToken } from '@tanstack/react-query'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_RUN_IDS, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import { BUNDLED_MODELS } from '../contract/bundledModelCatalog.ts'
import { ApiError } from './ApiError.ts'
import { connectionQueryOptions } from './connectionQueryOptions.ts'
import { connectionScope, forgetConnection, postHogKeys } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'
import { createPostHogClient } from './createPostHogClient.ts'
import { modelsQueryOptions } from './modelsQueryOptions.ts'
import { sandboxEnvironmentsQueryOptions, signalReportsQueryOptions } from './pickerQueries.ts'
import type { TaskRun } from './postHogSchemas.ts'
import { TaskRunSchema } from './postHogSchemas.ts'
import { schemaDocumentQueryOptions } from './schemaDocumentQueryOptions.ts'
import {
    RUN_POLL_INTERVAL_MS,
    runStatusMaxAgeMs,
    runQueryOptions,
    runsQueryOptions,
    TASK_PAGE_SIZE,
    tasksQueryOptions,
} from './taskQueries.ts'

let fake: FakePostHog
let client: PostHogClient
let queryClient: QueryClient | undefined

beforeAll(async () => {
    fake = await startFakePostHog()
    client = createPostHogClient({ host: fake.origin, projectId: String(DEMO_PROJECT_ID), apiKey: DEMO_KEYS.full })
})

afterAll(async () => {
    await fake.close()
})

afterEach(() => {
    queryClient?.clear()
})

function newQueryClient(): QueryClient {
    queryClient = new QueryClient()
    return queryClient
}

describe('query keys', () => {
    it('identify the connection by host and project', () => {
        expect(tasksQueryOptions(client, ' login ').queryKey).toEqual([
            'posthog',
            fake.origin,
            String(DEMO_PROJECT_ID),
            'tasks',
            'list',
            { search: 'login' },
        ])
        expect(client.scope).toEqual(connectionScope(fake.origin, String(DEMO_PROJECT_ID)))
    })

    it('nest so that removing the scope removes everything of that connection', async () => {
        const qc = newQueryClient()
        await qc.query(runsQueryOptions(client, DEMO_TASK_IDS.flakyLoginTest))
        await qc.query(sandboxEnvironmentsQueryOptions(client))
        qc.setQueryData(['posthog', 'https://elsewhere.example', '9', 'models'], [])
        await forgetConnection(qc, client.scope)
        expect(
            qc
                .getQueryCache()
                .getAll()
                .map((query) => query.queryKey[1])
        ).toEqual(['https://elsewhere.example'])
    })
})

describe('tasksQueryOptions', () => {
    it('reads one page, and asks for the next by offset only while PostHog has more', async () => {
        const options = tasksQueryOptions(client, '')
        const data = await newQueryClient().infiniteQuery(options)
        const first = data.pages[0]
        if (!first) throw new Error('no first page')
        expect(first.results.length).toBe(first.count)
        expect(first.hasMore).toBe(false)
        expect(options.getNextPageParam(first, data.pages, 0, [0])).toBeUndefined()
        const more = { ...first, hasMore: true }
        expect(options.getNextPageParam(more, [more], 50, [0, 25, 50])).toBe(50 + first.results.length)
    })

    it('searches', async () => {
        const qc = newQueryClient()
        const data = await qc.infiniteQuery(tasksQueryOptions(client, 'csv'))
        expect(data.pages[0]?.results.map((task) => task.id)).toEqual([DEMO_TASK_IDS.csvExport])
        expect(fake.requests.at(-1)?.path).toBe(
            `/api/projects/${String(DEMO_PROJECT_ID)}/tasks/?search=csv&limit=${TASK_PAGE_SIZE}&offset=0`
        )
    })
})

describe('runsQueryOptions', () => {
    it('lists the task runs newest first', async () => {
        const runs = await newQueryClient().query(runsQueryOptions(client, DEMO_TASK_IDS.flakyLoginTest))
        expect(runs.map((run) => run.id)).toEqual([
            DEMO_RUN_IDS.flakyLoginCompleted,
            DEMO_RUN_IDS.flakyLoginFailed,
            DEMO_RUN_IDS.flakyLoginCancelled,
        ])
    })
})

describe('runQueryOptions polling', () => {
    function intervalFor(data: TaskRun | undefined, error?: ApiError): number | false | undefined {
        const qc = newQueryClient()
        const options = runQueryOptions(client, 'task', 'run')
        const queryKey = postHogKeys.run(client.scope, 'task', 'run')
        const query = qc.getQueryCache().build<TaskRun, ApiError, TaskRun, typeof queryKey>(qc, { queryKey })
        if (data) query.setData(data)
        if (error) query.setState({ error, status: 'error' })
        const interval = options.refetchInterval
        return typeof interval === 'function' ? interval(query) : interval
    }

    const run = (status: string) => TaskRunSchema.parse({ id: 'run', status })
    const failure = (info: ApiError['info']) => new ApiError({ info, message: 'x', status: 0 })

    it.each<[string, TaskRun | undefined, ApiError | undefined, number | false]>([
        ['before the first answer', undefined, undefined, RUN_POLL_INTERVAL_MS],
        ['queued', run('queued'), undefined, RUN_POLL_INTERVAL_MS],
        ['in progress', run('in_progress'), undefined, RUN_POLL_INTERVAL_MS],
        ['completed', run('completed'), undefined, false],
        ['failed', run('failed'), undefined, false],
        ['cancelled', run('cancelled'), undefined, false],
        [
            'a network blip',
            run('in_progress'),
            failure({ kind: 'network', reason: 'unreachable' }),
            RUN_POLL_INTERVAL_MS * 2,
        ],
        ['a 5xx, one step slower', undefined, failure({ kind: 'server' }), RUN_POLL_INTERVAL_MS * 2],
        ['a revoked key', run('in_progress'), failure({ kind: 'unauthenticated' }), false],
        ['a run that is gone', undefined, failure({ kind: 'not_found' }), false],
    ])('%s', (_name, data, error, interval) => {
        expect(intervalFor(data, error)).toBe(interval)
    })

    it('reads the run through the client', async () => {
        const data = await newQueryClient().query(
            runQueryOptions(client, DEMO_TASK_IDS.flakyLoginTest, DEMO_RUN_IDS.flakyLoginCompleted)
        )
        expect(data.status).toBe('completed')
    })
})

describe('picker queries', () => {
    it('load sandbox environments and signal reports', async () => {
        const qc = newQueryClient()
        expect((await qc.query(sandboxEnvironmentsQueryOptions(client))).length).toBeGreaterThan(0)
        expect((await qc.query(signalReportsQueryOptions(client))).length).toBeGreaterThan(0)
    })

    it('select the live Claude models, falling back to the bundled table on a 404', async () => {
        const qc = newQueryClient()
        const live = await qc.query(modelsQueryOptions(client))
        expect(live).not.toBe(BUNDLED_MODELS)
        expect(live.map((choice) => choice.model)).toContain('claude-sonnet-5')
        expect(live.every((choice) => choice.runtimeAdapter === 'claude')).toBe(true)
        qc.clear()
        fake.inject({
            path: /\/tasks\/models\/?$/,
            status: 404,
            body: { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null },
        })
        expect(await qc.query(modelsQueryOptions(client))).toBe(BUNDLED_MODELS)
    })

    it('checks the connection under the connection key', async () => {
        const qc = newQueryClient()
        const result = await qc.query(connectionQueryOptions(client))
        expect(result).toMatchObject({ ok: true, canWrite: true })
        expect(qc.getQueryData(postHogKeys.connection(client.scope))).toEqual(result)
    })

    it('skip the connection check until there is a client to check', () => {
        expect(connectionQueryOptions(undefined).queryFn).toBe(skipToken)
    })

    it('never retry on their own', () => {
        const all = [
            tasksQueryOptions(client, ''),
            runsQueryOptions(client, 't'),
            runQueryOptions(client, 't', 'r'),
            sandboxEnvironmentsQueryOptions(client),
            signalReportsQueryOptions(client),
            modelsQueryOptions(client),
            connectionQueryOptions(client),
            schemaDocumentQueryOptions(client),
        ]
        expect(all.map((options) => options.retry)).toEqual(all.map(() => false))
    })
})

describe('runStatusMaxAgeMs: how long the cached run stands for its status', () => {
    const NOW = Date.parse('2026-06-01T12:00:00Z')
    const run = (status: string, unchangedMs: number) =>
        TaskRunSchema.parse({ id: 'run', status, updated_at: new Date(NOW - unchangedMs).toISOString() })
    const gone = new ApiError({ info: { kind: 'not_found' }, message: 'x', status: 404 })

    it.each<[string, TaskRun | undefined, ApiError | null, number]>([
        [
            'a run that just changed: one poll plus a poll of slack',
            run('in_progress', 0),
            null,
            2 * RUN_POLL_INTERVAL_MS,
        ],
        // the poll has backed off to 6 s, so the follow loop must not read the run every 3 s meanwhile
        ['a run unchanged for a minute', run('in_progress', 60_000), null, 3 * RUN_POLL_INTERVAL_MS],
        ['an ended run: polling stopped, the status is final', run('completed', 0), null, Number.POSITIVE_INFINITY],
        ['polling stopped on an error: ask again', run('in_progress', 0), gone, 0],
    ])('%s', (_name, data, error, expected) => {
        expect(runStatusMaxAgeMs({ data, error }, NOW)).toBe(expected)
    })
})
