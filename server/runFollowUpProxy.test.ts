import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../fake-posthog/startFakePostHog.ts'
import type { ServerAppOptions } from './createServerApp.ts'
import { createServerApp } from './createServerApp.ts'
import { parseServerConfig } from './parseServerConfig.ts'
import type { RunningServer } from './startServer.ts'
import { startServer } from './startServer.ts'

const TASK = DEMO_TASK_IDS.flakyLoginTest
const TASK_PATH = `/launcher/posthog/api/projects/${DEMO_PROJECT_ID}/tasks/${TASK}`
const RUN_BODY = {
    mode: 'interactive',
    runtime_adapter: 'claude',
    model: 'claude-sonnet-5',
    pending_user_message: 'Go',
}

let fake: FakePostHog
const servers: RunningServer[] = []

async function startLauncher(extra: Record<string, string> = {}, options: ServerAppOptions = {}): Promise<string> {
    const parsed = parseServerConfig({
        PORT: '0',
        BUILD_ON_START: 'never',
        POSTHOG_HOST: fake.origin,
        POSTHOG_PERSONAL_API_KEY: DEMO_KEYS.full,
        POSTHOG_PROJECT_ID: String(DEMO_PROJECT_ID),
        PROXY_RATE_LIMIT_PER_MINUTE: '1000',
        ...extra,
    })
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const server = await startServer(createServerApp(parsed.config, { log: () => undefined, ...options }), {
        host: '127.0.0.1',
        port: 0,
    })
    servers.push(server)
    return server.origin
}

function postJson(body: unknown): RequestInit {
    return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}

async function startRun(origin: string): Promise<string> {
    const response = await fetch(`${origin}${TASK_PATH}/run/`, postJson(RUN_BODY))
    const task = (await response.json()) as { latest_run: { id: string } }
    return task.latest_run.id
}

beforeAll(async () => {
    fake = await startFakePostHog({
        activity: { stepMs: 300 },
        runStatusSteps: ['queued', 'in_progress', 'in_progress', 'completed'],
    })
})

afterAll(async () => {
    await Promise.all(servers.map((server) => server.close(100)))
    await fake.close()
})

describe('the run follow-up routes of the proxy', () => {
    it('passes the live stream through as it arrives, unbuffered and uncompressed', async () => {
        const origin = await startLauncher()
        const runId = await startRun(origin)
        const response = await fetch(`${origin}${TASK_PATH}/runs/${runId}/stream/`, {
            headers: { 'accept-encoding': 'gzip, br' },
        })
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
        expect(response.headers.get('content-encoding')).toBeNull()
        const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader()
        const first = await reader.read()
        const text = new TextDecoder().decode(first.value)
        // The first event arrives while the run still has most of its activity ahead of it.
        expect(text).toContain('Starting the sandbox')
        expect(text).not.toContain('turn_complete')
        await reader.cancel()
    })

    it('forwards the session log, cancel and a message, with the key added on the way out', async () => {
        const origin = await startLauncher()
        const runId = await startRun(origin)
        const before = fake.requests.length
        const logs = await fetch(`${origin}${TASK_PATH}/runs/${runId}/session_logs/?limit=10&offset=0`)
        expect(logs.status).toBe(200)
        // the app pages the log until PostHog says there is no more
        expect(logs.headers.get('x-has-more')).toMatch(/^(true|false)$/)
        expect(Array.isArray(await logs.json())).toBe(true)
        const message = await fetch(
            `${origin}${TASK_PATH}/runs/${runId}/command/`,
            postJson({ jsonrpc: '2.0', method: 'user_message', params: { content: 'Also docs' }, id: 1 })
        )
        expect(await message.json()).toEqual({ jsonrpc: '2.0', result: { queued: true }, id: 1 })
        const cancel = await fetch(`${origin}${TASK_PATH}/runs/${runId}/cancel/`, postJson({ reason: 'Done' }))
        expect(cancel.status).toBe(202)
        const upstream = fake.requests.slice(before)
        expect(upstream.map((request) => request.headers['authorization'])).toEqual([
            `Bearer ${DEMO_KEYS.full}`,
            `Bearer ${DEMO_KEYS.full}`,
            `Bearer ${DEMO_KEYS.full}`,
        ])
    })

    it('lets the operator switch cancel and messages off, and tells the app', async () => {
        const origin = await startLauncher({ PROXY_ALLOW_RUN_CANCEL: 'false', PROXY_ALLOW_RUN_MESSAGES: 'no' })
        const runId = await startRun(origin)
        const before = fake.requests.length
        const cancel = await fetch(`${origin}${TASK_PATH}/runs/${runId}/cancel/`, postJson({}))
        expect(cancel.status).toBe(403)
        expect(await cancel.json()).toMatchObject({ detail: expect.stringContaining('does not allow cancelling runs') })
        const message = await fetch(
            `${origin}${TASK_PATH}/runs/${runId}/command/`,
            postJson({ jsonrpc: '2.0', method: 'user_message', params: { content: 'x' } })
        )
        expect(message.status).toBe(403)
        expect(fake.requests.slice(before)).toEqual([])
        const config = await (await fetch(`${origin}/launcher/config.json`)).json()
        expect(config).toMatchObject({ serverHeldKey: true, allowCancel: false, allowMessages: false })
        // Reading the run is never switched off.
        expect((await fetch(`${origin}${TASK_PATH}/runs/${runId}/session_logs/`)).status).toBe(200)
    })

    it('forwards only the session log paging and the stream start the app sends', async () => {
        const origin = await startLauncher()
        const runId = await startRun(origin)
        const before = fake.requests.length
        const query = 'limit=5000&offset=10&after=2026-01-01T00:00:00Z&event_types=agent_message'
        expect((await fetch(`${origin}${TASK_PATH}/runs/${runId}/session_logs/?${query}`)).status).toBe(200)
        expect((await fetch(`${origin}${TASK_PATH}/runs/${runId}/session_logs/?limit=5001&offset=-1`)).status).toBe(200)
        const latest = await fetch(`${origin}${TASK_PATH}/runs/${runId}/stream/?start=latest`)
        await latest.body?.cancel()
        const other = await fetch(`${origin}${TASK_PATH}/runs/${runId}/stream/?start=0&last_event_id=4`)
        await other.body?.cancel()
        const paths = fake.requests.slice(before).map((request) => request.path.replace(/^.*\/runs\/[^/]+\//, ''))
        expect(paths).toEqual([
            'session_logs/?limit=5000&offset=10',
            'session_logs/',
            'stream/?start=latest',
            'stream/',
        ])
    })
})

// An upstream that answers a stream with the given chunks, a gap before each; after the last it stays open or ends.
function streamingFetch(chunks: readonly string[], gapMs: number, end: 'close' | 'hang', seen: AbortSignal[]) {
    return (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        if (init?.signal) seen.push(init.signal)
        let sent = 0
        const body = new ReadableStream<Uint8Array>({
            async pull(controller) {
                if (sent === chunks.length && end === 'close') {
                    controller.close()
                    return
                }
                if (sent === chunks.length) {
                    // 'hang': nothing more until the proxy gives up; its idle timeout has to end the stream
                    await new Promise<void>((resolve) => {
                        init?.signal?.addEventListener('abort', () => {
                            resolve()
                        })
                    })
                    return
                }
                await new Promise((resolve) => setTimeout(resolve, gapMs))
                controller.enqueue(new TextEncoder().encode(chunks[sent] ?? ''))
                sent += 1
            },
        })
        return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }))
    }
}

describe('the run stream and the upstream limits', () => {
    const runPath = `${TASK_PATH}/runs/${DEMO_TASK_IDS.flakyLoginTest}/stream/`

    it('outlives the upstream timeout and the body cap: only the wait for the answer is timed', async () => {
        const event = `data: ${JSON.stringify({ text: 'x'.repeat(700) })}\n\n`
        const seen: AbortSignal[] = []
        const origin = await startLauncher(
            { UPSTREAM_MAX_BODY_BYTES: '1024' },
            { upstreamTimeoutMs: 100, fetch: streamingFetch([event, event, event], 80, 'close', seen) }
        )
        const response = await fetch(`${origin}${runPath}`)
        expect(response.status).toBe(200)
        const text = await response.text()
        expect(text).toBe(event.repeat(3))
        expect(seen[0]?.aborted).toBe(false)
    })

    it('closes a stream PostHog leaves silent for longer than the idle timeout, upstream too', async () => {
        const seen: AbortSignal[] = []
        const origin = await startLauncher(
            {},
            { streamIdleTimeoutMs: 150, fetch: streamingFetch(['data: {"a":1}\n\n'], 10, 'hang', seen) }
        )
        const response = await fetch(`${origin}${runPath}`)
        expect(await response.text()).toBe('data: {"a":1}\n\n')
        expect(seen[0]?.aborted).toBe(true)
    })
})
