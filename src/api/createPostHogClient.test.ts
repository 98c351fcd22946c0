// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { buildWarmRunUnavailableRule } from '../../fake-posthog/FakeTraffic.ts'
import {
    DEMO_KEYS,
    DEMO_PROJECT_ID,
    DEMO_RUN_IDS,
    DEMO_SANDBOX_ENVIRONMENT_IDS,
    DEMO_TASK_IDS,
} from '../../fake-posthog/seedData.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import type { PostHogClientConfig } from './createPostHogClient.ts'
import { createPostHogClient, WARM_RETRY_HEADER } from './createPostHogClient.ts'
import { failureOf } from './failureOf.ts'

let fake: FakePostHog
const PROJECT = String(DEMO_PROJECT_ID)
const TASK = DEMO_TASK_IDS.flakyLoginTest
const RUN_BODY = { runtime_adapter: 'claude', model: 'claude-sonnet-5', pending_user_message: 'Go.' }

beforeAll(async () => {
    fake = await startFakePostHog()
})

afterAll(async () => {
    await fake.close()
})

function clientFor(overrides: Partial<PostHogClientConfig> = {}) {
    return createPostHogClient({ host: fake.origin, projectId: PROJECT, apiKey: DEMO_KEYS.full, ...overrides })
}

function lastRequest() {
    const request = fake.requests.at(-1)
    if (!request) throw new Error('no request reached the fake')
    return request
}

describe('requests', () => {
    it('send the key as a Bearer header, ask for JSON and omit credentials', async () => {
        const inits: RequestInit[] = []
        const spy: typeof fetch = (input, init) => {
            if (init) inits.push(init)
            return fetch(input, init)
        }
        await clientFor({ fetch: spy }).listTasks({ limit: 1 })
        expect(inits[0]).toMatchObject({ method: 'GET', credentials: 'omit' })
        expect(inits[0]?.signal).toBeInstanceOf(AbortSignal)
        const request = lastRequest()
        expect(request.path).toBe(`/api/projects/${PROJECT}/tasks/?limit=1`)
        expect(request.headers['authorization']).toBe(`Bearer ${DEMO_KEYS.full}`)
        expect(request.headers['accept']).toBe('application/json')
        expect(request.headers['cookie']).toBeUndefined()
    })

    it('never put the key in the URL', async () => {
        await clientFor().listTasks({ search: 'login' })
        expect(lastRequest().path).not.toContain(DEMO_KEYS.full)
    })

    it('send no Authorization header when the key is held by a proxy', async () => {
        const error = await failureOf(clientFor({ apiKey: '' }).listTasks())
        expect(lastRequest().headers['authorization']).toBeUndefined()
        expect(error.info).toEqual({ kind: 'unauthenticated' })
        expect(error.message).toMatch(/received no API key/)
    })

    it('accept a host with a trailing slash', async () => {
        const page = await clientFor({ host: `${fake.origin}/` }).listTasks({ limit: 1 })
        expect(page.results).toHaveLength(1)
    })

    it('refuse a host that is neither an origin nor a path', () => {
        expect(() => clientFor({ host: 'us.posthog.com' })).toThrow(TypeError)
    })
})

describe('reads', () => {
    it('lists tasks with search and pages', async () => {
        const client = clientFor()
        const first = await client.listTasks({ limit: 3 })
        expect(first.results).toHaveLength(3)
        expect(first.hasMore).toBe(true)
        expect(first.count).toBeGreaterThan(3)
        const found = await client.listTasks({ search: 'flaky login' })
        expect(found.results.map((task) => task.id)).toEqual([TASK])
        expect(found.hasMore).toBe(false)
        expect(lastRequest().path).toBe(`/api/projects/${PROJECT}/tasks/?search=flaky+login`)
    })

    it('gets a task with its latest run as an object', async () => {
        const task = await clientFor().getTask(TASK)
        expect(task.title).toBe('Fix flaky login test')
        expect(typeof task.latest_run === 'object' && task.latest_run.id).toBeTruthy()
    })

    it('lists runs and gets one', async () => {
        const client = clientFor()
        const runs = await client.listRuns(TASK)
        expect(runs.results.map((run) => run.id)).toContain(DEMO_RUN_IDS.flakyLoginCompleted)
        const run = await client.getRun(TASK, DEMO_RUN_IDS.flakyLoginCompleted)
        expect(run).toMatchObject({ status: 'completed', branch: 'fix/flaky-login-test', model: 'claude-sonnet-5' })
        expect(run.output?.['pr_url']).toBe('https://github.com/acme/web-app/pull/482')
    })

    it('lists sandbox environments the user may see', async () => {
        const page = await clientFor().listSandboxEnvironments()
        const ids = page.results.map((environment) => environment.id)
        expect(ids).toContain(DEMO_SANDBOX_ENVIRONMENT_IDS.trusted)
        expect(ids).not.toContain(DEMO_SANDBOX_ENVIRONMENT_IDS.otherUserPrivate)
    })

    it('lists signal reports', async () => {
        const page = await clientFor().listSignalReports()
        expect(page.results.length).toBeGreaterThan(0)
        expect(page.results[0]?.title).toEqual(expect.any(String))
    })

    it('gets the user and the project', async () => {
        const client = clientFor()
        expect(await client.getCurrentUser()).toMatchObject({ first_name: 'Ada', email: 'ada@example.com' })
        expect(await client.getProject()).toMatchObject({ id: DEMO_PROJECT_ID, name: 'Demo project' })
    })
})

describe('getSchemaDocument', () => {
    it('reads the JSON document without sending the key', async () => {
        const document = await clientFor().getSchemaDocument()
        expect(document['components']).toEqual(expect.any(Object))
        expect(lastRequest().path).toBe('/api/schema/?format=json')
        expect(lastRequest().headers['authorization']).toBeUndefined()
    })

    it.each<[string, number, string, string]>([
        ['YAML or garbage', 200, 'openapi: 3.1.0\ninfo: {}', 'not_posthog'],
        ['a JSON array', 200, '[]', 'unexpected'],
        [
            'a missing endpoint',
            404,
            '{"type":"invalid_request","code":"not_found","detail":"Not found.","attr":null}',
            'not_found',
        ],
    ])('fails on %s', async (_name, status, body, kind) => {
        fake.inject({
            path: /^\/api\/schema\/?$/,
            status,
            body,
            headers: { 'content-type': 'application/vnd.oai.openapi' },
        })
        expect((await failureOf(clientFor().getSchemaDocument())).kind).toBe(kind)
    })
})

describe('listModels', () => {
    it('returns the live catalogue', async () => {
        const models = await clientFor().listModels()
        expect(models?.map((model) => model.model)).toContain('claude-sonnet-5')
    })

    it('returns null when the endpoint is missing (404)', async () => {
        fake.inject({
            path: /\/tasks\/models\/?$/,
            status: 404,
            body: { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null },
        })
        expect(await clientFor().listModels()).toBeNull()
    })

    it('returns [] when the gateway is down, and skips odd entries', async () => {
        fake.inject({ path: /\/tasks\/models\/?$/, status: 200, body: { models: [] } })
        expect(await clientFor().listModels()).toEqual([])
        fake.inject({
            path: /\/tasks\/models\/?$/,
            status: 200,
            body: {
                models: [{ model: 42 }, { runtime_adapter: 'claude', model: 'claude-x', supported_efforts: 'high' }],
            },
        })
        expect(await clientFor().listModels()).toEqual([
            { runtime_adapter: 'claude', model: 'claude-x', display_name: undefined, supported_efforts: [] },
        ])
    })

    it('still fails on other errors', async () => {
        const error = await failureOf(clientFor({ apiKey: 'phx_not_a_real_key' }).listModels())
        expect(error.kind).toBe('unauthenticated')
    })
})

describe('runTask', () => {
    it('starts a run and reads its id from latest_run; polling walks it to a terminal status', async () => {
        const client = clientFor()
        const started = await client.runTask(DEMO_TASK_IDS.csvExport, RUN_BODY)
        expect(started.runId).toEqual(expect.any(String))
        expect(started.run?.id).toBe(started.runId)
        const request = lastRequest()
        expect(request.method).toBe('POST')
        expect(request.path).toBe(`/api/projects/${PROJECT}/tasks/${DEMO_TASK_IDS.csvExport}/run/`)
        expect(request.headers['content-type']).toBe('application/json')
        expect(request.json).toEqual(RUN_BODY)
        const statuses = [started.run?.status]
        for (let i = 0; i < 3; i++) {
            statuses.push((await client.getRun(DEMO_TASK_IDS.csvExport, started.runId ?? '')).status)
        }
        expect(statuses).toEqual(['queued', 'in_progress', 'completed', 'completed'])
    })

    it('accepts latest_run sent as a bare id', async () => {
        const task = await clientFor().getTask(TASK)
        fake.inject({ method: 'POST', path: /\/run\/?$/, status: 200, body: { ...task, latest_run: 'run-123' } })
        const started = await clientFor().runTask(TASK, RUN_BODY)
        expect(started).toMatchObject({ runId: 'run-123', run: undefined })
    })

    it('puts a field error on its field', async () => {
        const body = { runtime_adapter: 'claude', model: 'claude-sonnet-4-6', reasoning_effort: 'max' }
        const error = await failureOf(clientFor().runTask(TASK, body, { fieldModel: BUNDLED_FIELD_MODEL }))
        expect(error.info).toMatchObject({ kind: 'validation', field: 'reasoning_effort' })
        expect(error.message).toMatch(/Reasoning effort 'max' is not supported/)
    })

    it('says which scope a read-only key lacks', async () => {
        const error = await failureOf(clientFor({ apiKey: DEMO_KEYS.readOnly }).runTask(TASK, RUN_BODY))
        expect(error.info).toEqual({ kind: 'forbidden', reason: 'missing_scope', scope: 'task:write' })
    })

    it('reports a task the key cannot run as not found', async () => {
        const error = await failureOf(clientFor().runTask('00000000-0000-0000-0000-000000000000', RUN_BODY))
        expect(error.kind).toBe('not_found')
    })

    it('surfaces warming_up with its token, without the header, when the header cannot be sent', async () => {
        fake.inject({ ...buildWarmRunUnavailableRule('warm-1'), times: 1 })
        const error = await failureOf(clientFor().runTask(TASK, RUN_BODY, { warmRetryToken: 'ignored' }))
        expect(error.info).toEqual({ kind: 'warming_up', retryToken: 'warm-1' })
        expect(lastRequest().headers[WARM_RETRY_HEADER.toLowerCase()]).toBeUndefined()
    })

    it('retries once with the token behind a proxy', async () => {
        fake.inject(buildWarmRunUnavailableRule('warm-2'))
        const before = fake.requests.length
        const started = await clientFor({ canSendWarmRetryHeader: true }).runTask(TASK, RUN_BODY)
        expect(started.runId).toEqual(expect.any(String))
        const sent = fake.requests.slice(before)
        expect(sent).toHaveLength(2)
        expect(sent[0]?.headers[WARM_RETRY_HEADER.toLowerCase()]).toBeUndefined()
        expect(sent[1]?.headers[WARM_RETRY_HEADER.toLowerCase()]).toBe('warm-2')
    })

    it('does not retry a second time', async () => {
        fake.inject({ ...buildWarmRunUnavailableRule('warm-3'), times: 1 })
        fake.inject({ ...buildWarmRunUnavailableRule('warm-4'), times: 1 })
        const before = fake.requests.length
        const error = await failureOf(clientFor({ canSendWarmRetryHeader: true }).runTask(TASK, RUN_BODY))
        expect(error.info).toEqual({ kind: 'warming_up', retryToken: 'warm-4' })
        expect(fake.requests.length - before).toBe(2)
    })

    it('sends a given token behind a proxy, once', async () => {
        await clientFor({ canSendWarmRetryHeader: true }).runTask(TASK, RUN_BODY, { warmRetryToken: 'from-ui' })
        expect(lastRequest().headers[WARM_RETRY_HEADER.toLowerCase()]).toBe('from-ui')
    })

    it('does not retry other errors', async () => {
        fake.inject({
            method: 'POST',
            path: /\/run\/?$/,
            status: 500,
            body: { type: 'server_error', code: 'error', detail: 'A server error occurred.', attr: null },
        })
        const before = fake.requests.length
        const error = await failureOf(clientFor({ canSendWarmRetryHeader: true }).runTask(TASK, RUN_BODY))
        expect(error.kind).toBe('server')
        expect(fake.requests.length - before).toBe(1)
    })
})

describe('errors', () => {
    it.each<[string, string, string, Record<string, unknown>]>([
        ['an unknown key', 'phx_not_a_real_key', PROJECT, { kind: 'unauthenticated' }],
        [
            'a key scoped to another project',
            DEMO_KEYS.otherProject,
            PROJECT,
            { kind: 'forbidden', reason: 'project_not_allowed', projectId: PROJECT },
        ],
        ['a project that does not exist', DEMO_KEYS.full, '999', { kind: 'not_found' }],
    ])('%s', async (_name, apiKey, projectId, info) => {
        const error = await failureOf(clientFor({ apiKey, projectId }).listTasks())
        expect(error.info).toMatchObject(info)
        expect(error.message).not.toContain(apiKey)
    })

    it('calls an HTML page at the API address not PostHog', async () => {
        fake.inject({ path: /\/tasks\/?$/, status: 404, body: '<html><body>Not Found</body></html>' })
        expect((await failureOf(clientFor().listTasks())).kind).toBe('not_posthog')
        fake.inject({ path: /\/tasks\/?$/, status: 200, body: '<!doctype html><html></html>' })
        expect((await failureOf(clientFor().listTasks())).kind).toBe('not_posthog')
    })

    it('calls a JSON answer of the wrong shape unexpected', async () => {
        fake.inject({ path: /\/tasks\/?$/, status: 200, body: { results: 'nope' } })
        const error = await failureOf(clientFor().listTasks())
        expect(error.kind).toBe('unexpected')
        expect(error.status).toBe(200)
    })

    it('reads rate limits', async () => {
        fake.inject({
            path: /\/tasks\/?$/,
            status: 429,
            body: {
                type: 'throttled_error',
                code: 'throttled',
                detail: 'Request was throttled. Expected available in 5 seconds.',
                attr: null,
            },
        })
        const error = await failureOf(clientFor().listTasks())
        expect(error.info).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 5 })
    })

    it('redacts the key if a server echoes it', async () => {
        fake.inject({ path: /\/tasks\/?$/, status: 400, body: { detail: `Bad key ${DEMO_KEYS.full} here` } })
        const error = await failureOf(clientFor().listTasks())
        expect(error.detail).toBe('Bad key [redacted] here')
        expect(error.message).not.toContain(DEMO_KEYS.full)
    })

    it('reports an unreachable host as a network error', async () => {
        const error = await failureOf(clientFor({ host: 'http://127.0.0.1:9' }).listTasks())
        expect(error.info).toEqual({ kind: 'network', reason: 'unreachable' })
        expect(error.status).toBe(0)
        expect(error.message).toMatch(/Could not reach PostHog at http:\/\/127\.0\.0\.1:9.*CORS/)
    })

    it('times out', async () => {
        const hang: typeof fetch = (_input, init) =>
            new Promise((_resolve, reject) => {
                init?.signal?.addEventListener('abort', () => {
                    reject(new DOMException('aborted', 'AbortError'))
                })
            })
        const error = await failureOf(clientFor({ fetch: hang, timeoutMs: 30 }).listTasks())
        expect(error.info).toEqual({ kind: 'network', reason: 'timeout' })
        expect(error.message).toMatch(/did not answer within 0 seconds/)
    })

    it('reports a cancelled request as cancelled', async () => {
        const controller = new AbortController()
        controller.abort()
        const error = await failureOf(clientFor().listTasks({}, { signal: controller.signal }))
        expect(error.info).toEqual({ kind: 'network', reason: 'cancelled' })
    })
})

describe('staged uploads', () => {
    const file = { name: 'notes.md', type: 'user_attachment', size: 12, content_type: 'text/markdown' } as const

    it('prepare with the key, as JSON, and return the presigned POST verbatim', async () => {
        const [prepared] = await clientFor().prepareUpload(TASK, [file])
        const request = lastRequest()
        expect(request.method).toBe('POST')
        expect(request.path).toBe(`/api/projects/${PROJECT}/tasks/${TASK}/staged_artifacts/prepare_upload/`)
        expect(request.headers['authorization']).toBe(`Bearer ${DEMO_KEYS.full}`)
        expect(request.json).toEqual({ artifacts: [file] })
        const issued = prepared ? fake.state.stagedArtifacts.get(prepared.id) : undefined
        expect(prepared?.presigned_post.fields).toEqual(issued?.fields)
        expect(Object.keys(prepared?.presigned_post.fields ?? {})).toEqual(Object.keys(issued?.fields ?? {}))
        expect(prepared?.storage_path).toBe(issued?.storage_path)
    })

    it('finalize what was prepared and stored, returning PostHog’s artifact', async () => {
        const [prepared] = await clientFor().prepareUpload(TASK, [file])
        if (!prepared) throw new Error('nothing prepared')
        const form = new FormData()
        for (const [name, value] of Object.entries(prepared.presigned_post.fields)) form.append(name, value)
        form.append('file', new Blob(['twelve bytes']), 'notes.md')
        expect((await fetch(prepared.presigned_post.url, { method: 'POST', body: form })).status).toBe(204)
        const { id, name, storage_path } = prepared
        const finalized = await clientFor().finalizeUpload(TASK, [{ id, name, type: 'user_attachment', storage_path }])
        expect(lastRequest().path).toBe(`/api/projects/${PROJECT}/tasks/${TASK}/staged_artifacts/finalize_upload/`)
        expect(finalized).toEqual([expect.objectContaining({ id, name: 'notes.md', size: 12 })])
    })

    it('go through an app proxy path when the host is one', async () => {
        const urls: string[] = []
        const spy: typeof fetch = (input) => {
            urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
            return Promise.resolve(new Response(JSON.stringify({ artifacts: [] }), { status: 200 }))
        }
        const proxied = clientFor({ host: '/launcher/posthog', apiKey: '', fetch: spy })
        await proxied.prepareUpload(TASK, [file])
        await proxied.finalizeUpload(TASK, [{ id: 'a', name: 'n', type: 'user_attachment', storage_path: 'p' }])
        expect(urls).toEqual([
            `/launcher/posthog/api/projects/${PROJECT}/tasks/${TASK}/staged_artifacts/prepare_upload/`,
            `/launcher/posthog/api/projects/${PROJECT}/tasks/${TASK}/staged_artifacts/finalize_upload/`,
        ])
    })

    it.each<[string, unknown]>([
        ['no presigned POST', { artifacts: [{ id: 'a', name: 'n', storage_path: 'p' }] }],
        [
            'a non-string field',
            {
                artifacts: [
                    {
                        id: 'a',
                        name: 'n',
                        storage_path: 'p',
                        presigned_post: { url: 'https://s3.example.com', fields: { key: 1 } },
                    },
                ],
            },
        ],
        [
            'a script URL',
            {
                artifacts: [
                    {
                        id: 'a',
                        name: 'n',
                        storage_path: 'p',
                        presigned_post: { url: 'javascript:alert(1)', fields: {} },
                    },
                ],
            },
        ],
    ])('refuse a prepare answer with %s', async (_, body) => {
        const answer: typeof fetch = () => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }))
        const error = await failureOf(clientFor({ fetch: answer }).prepareUpload(TASK, [file]))
        expect(error.info).toEqual({ kind: 'unexpected' })
    })

    it('report PostHog’s size refusal from prepare', async () => {
        const error = await failureOf(
            clientFor().prepareUpload(TASK, [{ ...file, name: 'spec.pdf', size: 11 * 1024 * 1024 }])
        )
        expect(error.info).toMatchObject({ kind: 'validation', attr: 'artifacts__0__size' })
        expect(error.message).toMatch(/exceeds the 10MB attachment limit/)
    })
})
