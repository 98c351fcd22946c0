import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync } from 'node:zlib'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { buildWarmRunUnavailableRule } from '../fake-posthog/FakeTraffic.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS, OTHER_PROJECT_ID } from '../fake-posthog/seedData.ts'
import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { createServerApp, IMMUTABLE_CACHE } from './createServerApp.ts'
import type { ServerAppOptions } from './createServerApp.ts'
import { parseServerConfig } from './parseServerConfig.ts'
import type { RunningServer } from './startServer.ts'
import { startServer } from './startServer.ts'

const KEY = DEMO_KEYS.full
const PROJECT = String(DEMO_PROJECT_ID)
const TASK = DEMO_TASK_IDS.flakyLoginTest
const OTHER_TASK = DEMO_TASK_IDS.csvExport
const GITHUB_TOKEN = 'ghp_browserSideToken0123456789'
const RUN_BODY = {
    mode: 'background',
    pending_user_message: 'Make the login test deterministic.',
    runtime_adapter: 'claude',
    model: 'claude-sonnet-5',
    github_user_token: GITHUB_TOKEN,
}
const INDEX_HTML =
    '<!doctype html><html><head><script type="module" crossorigin src="/assets/x-abc123.js"></script></head><body><div id="root"></div></body></html>'
const ASSET_JS = `console.log(${JSON.stringify('run launcher '.repeat(200))})\n`

interface Launcher {
    origin: string
    logs: string[]
    server: RunningServer
}

let fake: FakePostHog
let distDir: string
const launchers: RunningServer[] = []

function configFor(env: Record<string, string>) {
    const parsed = parseServerConfig({ DIST_DIR: distDir, PORT: '0', ...env })
    if (!parsed.ok) {
        throw new Error(parsed.errors.join('\n'))
    }
    return parsed.config
}

function heldEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
        POSTHOG_HOST: fake.origin,
        POSTHOG_PERSONAL_API_KEY: KEY,
        POSTHOG_PROJECT_ID: PROJECT,
        PROXY_RATE_LIMIT_PER_MINUTE: '1000',
        ...extra,
    }
}

async function startLauncher(env: Record<string, string>, options: ServerAppOptions = {}): Promise<Launcher> {
    const logs: string[] = []
    const config = configFor(env)
    const app = createServerApp(config, { log: (line) => logs.push(line), ...options })
    const server = await startServer(app, { host: '127.0.0.1', port: 0 })
    launchers.push(server)
    return { origin: server.origin, logs, server }
}

async function readAll(response: Response): Promise<string> {
    const headers = JSON.stringify([...response.headers])
    return `${headers}\n${await response.text()}`
}

function runPath(taskId: string, projectId = PROJECT): string {
    return `/launcher/posthog/api/projects/${projectId}/tasks/${taskId}/run/`
}

function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
    return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
}

beforeAll(async () => {
    fake = await startFakePostHog()
    distDir = mkdtempSync(join(tmpdir(), 'rl-dist-'))
    mkdirSync(join(distDir, 'assets'))
    writeFileSync(join(distDir, 'index.html'), INDEX_HTML)
    writeFileSync(join(distDir, 'assets', 'x-abc123.js'), ASSET_JS)
    // What the build writes beside an asset (scripts/precompressAssets.ts)
    writeFileSync(join(distDir, 'assets', 'x-abc123.js.br'), brotliCompressSync(ASSET_JS))
    writeFileSync(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
})

afterAll(async () => {
    await Promise.all(launchers.map((server) => server.close(100)))
    await fake.close()
    rmSync(distDir, { recursive: true, force: true })
})

describe('the app and its headers', () => {
    let launcher: Launcher

    beforeAll(async () => {
        launcher = await startLauncher({ EMBED_ALLOWED_ORIGINS: 'https://intranet.example.com' })
    })

    it('answers /healthz', async () => {
        const response = await fetch(`${launcher.origin}/healthz`)
        expect(response.status).toBe(200)
        expect(await response.json()).toEqual({ status: 'ok' })
        expect(response.headers.get('cache-control')).toBe('no-store')
    })

    it('loads the app with a strict CSP, no referrer, nosniff, and framing only by the configured origins', async () => {
        const response = await fetch(`${launcher.origin}/`, { headers: { accept: 'text/html' } })
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toMatch(/^text\/html/)
        expect(await response.text()).toBe(INDEX_HTML)
        const csp = response.headers.get('content-security-policy') ?? ''
        expect(csp).toContain("script-src 'self'")
        // no upload origins until the operator names them
        expect(csp).toContain("connect-src 'self' https://us.posthog.com https://eu.posthog.com;")
        expect(csp).toContain("frame-ancestors 'self' https://intranet.example.com")
        expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/)
        expect(response.headers.get('referrer-policy')).toBe('no-referrer')
        expect(response.headers.get('x-content-type-options')).toBe('nosniff')
        expect(response.headers.get('x-frame-options')).toBeNull()
        expect(response.headers.get('cache-control')).toBe('no-cache')
    })

    it('serves hashed assets for a year, compressed', async () => {
        const response = await fetch(`${launcher.origin}/assets/x-abc123.js`, {
            headers: { 'accept-encoding': 'gzip' },
        })
        expect(response.status).toBe(200)
        expect(response.headers.get('cache-control')).toBe(IMMUTABLE_CACHE)
        expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
        expect(response.headers.get('content-encoding')).toBe('gzip')
        expect(await response.text()).toBe(ASSET_JS)
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    })

    it('sends the Brotli file the build wrote when the browser takes it, and compresses on the fly otherwise', async () => {
        const response = await fetch(`${launcher.origin}/assets/x-abc123.js`, {
            headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
        })
        expect(response.status).toBe(200)
        expect(response.headers.get('content-encoding')).toBe('br')
        expect(response.headers.get('vary')).toMatch(/accept-encoding/i)
        expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
        expect(response.headers.get('cache-control')).toBe(IMMUTABLE_CACHE)
        expect(await response.text()).toBe(ASSET_JS)

        const plain = await fetch(`${launcher.origin}/assets/x-abc123.js`, {
            headers: { 'accept-encoding': 'identity' },
        })
        expect(plain.headers.get('content-encoding')).toBeNull()
        expect(await plain.text()).toBe(ASSET_JS)
    })

    it('serves other static files without long caching', async () => {
        const response = await fetch(`${launcher.origin}/favicon.svg`)
        expect(response.status).toBe(200)
        expect(response.headers.get('cache-control')).toBe('no-cache')
    })

    it('falls back to index.html for client-side routes, and only for pages', async () => {
        const page = await fetch(`${launcher.origin}/tasks/some/route?x=1`, { headers: { accept: 'text/html' } })
        expect(page.status).toBe(200)
        expect(await page.text()).toBe(INDEX_HTML)
        const data = await fetch(`${launcher.origin}/tasks/some/route`, { headers: { accept: 'application/json' } })
        expect(data.status).toBe(404)
        const asset = await fetch(`${launcher.origin}/assets/missing-123.js`, { headers: { accept: 'text/html' } })
        expect(asset.status).toBe(404)
        expect(asset.headers.get('cache-control')).toBe('no-cache')
        expect(asset.headers.get('x-content-type-options')).toBe('nosniff')
    })

    it('does not serve files outside the build', async () => {
        const response = await fetch(`${launcher.origin}/assets/%2e%2e/%2e%2e/etc/passwd`)
        expect(response.status).toBe(404)
    })

    it('browser key mode: says so in the config and has no proxy', async () => {
        const config = await fetch(`${launcher.origin}/launcher/config.json`)
        expect(config.headers.get('cache-control')).toBe('no-store')
        expect(await config.json()).toEqual({
            serverHeldKey: false,
            allowedPostHogHosts: ['https://us.posthog.com', 'https://eu.posthog.com'],
            embedAllowedOrigins: ['https://intranet.example.com'],
            embedHostSubmit: false,
        })
        const proxied = await fetch(`${launcher.origin}/launcher/posthog/api/projects/1/tasks/`)
        expect(proxied.status).toBe(404)
        expect(await proxied.json()).toMatchObject({ type: 'invalid_request', code: 'not_found', attr: null })
    })
})

describe('server-held key mode', () => {
    let launcher: Launcher
    let seen: number

    beforeAll(async () => {
        launcher = await startLauncher(heldEnv({ POSTHOG_PUBLIC_HOST: 'https://us.posthog.com' }))
    })

    beforeEach(() => {
        seen = fake.requests.length
    })

    const upstreamRequests = () => fake.requests.slice(seen)

    it('publishes the mode, project and proxy base, never the key', async () => {
        const response = await fetch(`${launcher.origin}/launcher/config.json`)
        const text = await readAll(response)
        expect(text).not.toContain(KEY)
        expect(JSON.parse(text.slice(text.indexOf('\n') + 1))).toEqual({
            serverHeldKey: true,
            postHogHost: 'https://us.posthog.com',
            projectId: PROJECT,
            proxyBase: '/launcher/posthog',
            embedAllowedOrigins: [],
            embedHostSubmit: false,
        })
    })

    it('limits connect-src to the app itself (no upload origins by default)', async () => {
        const response = await fetch(`${launcher.origin}/`)
        expect(response.headers.get('content-security-policy')).toContain("connect-src 'self';")
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    })

    it('starts a run with the key added on the way out, and nothing of the browser’s credentials', async () => {
        const response = await fetch(
            `${launcher.origin}${runPath(TASK)}`,
            postJson(RUN_BODY, { cookie: 'sessionid=browser-session', authorization: 'Bearer phx_browser_supplied' })
        )
        const text = await readAll(response)
        expect(response.status).toBe(200)
        expect(text).not.toContain(KEY)
        expect(text).toContain('"latest_run"')
        const [upstream, ...rest] = upstreamRequests()
        expect(rest).toHaveLength(0)
        expect(upstream).toMatchObject({
            method: 'POST',
            path: `/api/projects/${PROJECT}/tasks/${TASK}/run/`,
            json: RUN_BODY,
        })
        expect(upstream?.headers['authorization']).toBe(`Bearer ${KEY}`)
        expect(upstream?.headers['cookie']).toBeUndefined()
        expect(upstream?.headers['x-forwarded-for']).toBeUndefined()
        expect(response.headers.get('set-cookie')).toBeNull()
        expect(response.headers.get('cache-control')).toBe('no-store')
    })

    it('logs one line per proxied request, without query, key or tokens', async () => {
        launcher.logs.length = 0
        await fetch(`${launcher.origin}/launcher/posthog/api/projects/${PROJECT}/tasks/?search=${KEY}&limit=5`)
        await fetch(`${launcher.origin}${runPath(TASK)}`, postJson(RUN_BODY))
        await fetch(`${launcher.origin}/launcher/posthog/api/${KEY}/${GITHUB_TOKEN}/`)
        expect(launcher.logs).toHaveLength(3)
        expect(launcher.logs[0]).toMatch(/^proxy GET \/api\/projects\/1\/tasks\/ 200 \d+ms$/)
        expect(launcher.logs[1]).toMatch(new RegExp(`^proxy POST /api/projects/1/tasks/${TASK}/run/ 200 \\d+ms$`))
        expect(launcher.logs[2]).toMatch(/^proxy GET \/api\/\[redacted\]\/\[redacted\]\/ 404 \d+ms$/)
        expect(launcher.logs.join('\n')).not.toMatch(/phx_|ghp_|Make the login/)
    })

    it('forwards only the query parameters each route takes, and points pagination links back at the proxy', async () => {
        const response = await fetch(`${launcher.origin}/launcher/posthog/api/projects/${PROJECT}/tasks/?limit=2`)
        expect(response.status).toBe(200)
        expect(upstreamRequests()[0]?.path).toBe(`/api/projects/${PROJECT}/tasks/?limit=2`)
        const page: unknown = await response.json()
        expect(page).toMatchObject({
            next: `/launcher/posthog/api/projects/${PROJECT}/tasks/?limit=2&offset=2`,
            results: [expect.anything(), expect.anything()],
        })
    })

    it('fetches the schema document without sending the key', async () => {
        const response = await fetch(`${launcher.origin}/launcher/posthog/api/schema/?format=json`)
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe('application/vnd.oai.openapi+json')
        const [upstream] = upstreamRequests()
        expect(upstream?.path).toBe('/api/schema/?format=json')
        expect(upstream?.headers['authorization']).toBeUndefined()
    })

    it('shows every visitor only the key owner’s name and the project’s name, nothing else of either', async () => {
        const me = await fetch(`${launcher.origin}/launcher/posthog/api/users/@me/`)
        expect(me.status).toBe(200)
        expect(me.headers.get('content-type')).toBe('application/json')
        expect(await me.json()).toEqual({ first_name: 'Ada', last_name: 'Lovelace' })
        const project = await fetch(`${launcher.origin}/launcher/posthog/api/projects/${PROJECT}/`)
        expect(await project.json()).toEqual({ id: DEMO_PROJECT_ID, name: expect.any(String) })
        // what PostHog sent and the proxy held back
        const [upstreamMe] = upstreamRequests()
        expect(upstreamMe?.path).toBe('/api/users/@me/')
        expect(upstreamMe?.headers['authorization']).toBe(`Bearer ${KEY}`)
    })

    it('passes an error from those endpoints through, and turns a non-object answer into an empty one', async () => {
        fake.inject({ method: 'GET', path: '/api/users/@me/', status: 200, body: '["ada@example.com"]' })
        const odd = await fetch(`${launcher.origin}/launcher/posthog/api/users/@me/`)
        expect(await odd.json()).toEqual({})
        fake.inject({
            method: 'GET',
            path: '/api/users/@me/',
            status: 403,
            body: { type: 'authentication_error', code: 'permission_denied', detail: 'No user:read.' },
        })
        const refused = await fetch(`${launcher.origin}/launcher/posthog/api/users/@me/`)
        expect(refused.status).toBe(403)
        expect(await refused.json()).toMatchObject({ code: 'permission_denied', detail: 'No user:read.' })
    })

    it.each([203, 206])('cuts the profile on a %i answer too', async (status) => {
        const body = { first_name: 'Ada', email: 'ada@example.com', api_token: 'phc_projecttoken' }
        fake.inject({ method: 'GET', path: '/api/users/@me/', status, body })
        const me = await fetch(`${launcher.origin}/launcher/posthog/api/users/@me/`)
        expect(me.status).toBe(status)
        expect(await me.json()).toEqual({ first_name: 'Ada' })
    })

    it('reduces an error body to PostHog’s error keys: no email or token in a 404', async () => {
        const body = {
            detail: 'Not found.',
            code: 'not_found',
            email: 'ada@example.com',
            api_token: 'phc_projecttoken',
        }
        fake.inject({ method: 'GET', path: `/api/projects/${PROJECT}/`, status: 404, body })
        const project = await fetch(`${launcher.origin}/launcher/posthog/api/projects/${PROJECT}/`)
        expect(project.status).toBe(404)
        expect(await project.json()).toEqual({ detail: 'Not found.', code: 'not_found' })
    })

    it.each([
        ['a bare array', [{ id: OTHER_TASK, title: 'hidden' }]],
        ['results that is not a list', { count: 1, results: { [OTHER_TASK]: { id: OTHER_TASK } } }],
        ['not JSON', 'tasks: all of them'],
    ])('refuses a task list that is %s instead of passing it through', async (_label, body) => {
        fake.inject({ method: 'GET', path: `/api/projects/${PROJECT}/tasks/`, status: 200, body })
        const response = await fetch(`${launcher.origin}/launcher/posthog/api/projects/${PROJECT}/tasks/`)
        expect(response.status).toBe(502)
        const text = await response.text()
        expect(JSON.parse(text)).toMatchObject({ type: 'server_error', code: 'upstream_invalid', attr: null })
        expect(text).not.toContain(OTHER_TASK)
    })

    it.each([
        [runPath(TASK) + '?format=api&personal_api_key=phx_other', `/api/projects/${PROJECT}/tasks/${TASK}/run/`],
        [
            `/launcher/posthog/api/projects/${PROJECT}/tasks/${TASK}/?limit=999999`,
            `/api/projects/${PROJECT}/tasks/${TASK}/`,
        ],
        [
            `/launcher/posthog/api/projects/${PROJECT}/tasks/?limit=999999&offset=5&search=login&created_by=1`,
            `/api/projects/${PROJECT}/tasks/?offset=5&search=login`,
        ],
        ['/launcher/posthog/api/schema/?format=api&x=1', '/api/schema/'],
    ])('drops query parameters the route does not take: %s', async (path, upstreamPath) => {
        const init = path.includes('/run/') ? postJson(RUN_BODY) : {}
        await fetch(`${launcher.origin}${path}`, init)
        expect(upstreamRequests().at(-1)?.path).toBe(upstreamPath)
    })

    it('scrubs the key from anything PostHog sends back, and never passes its cookies or HTML', async () => {
        const path = `/api/projects/${PROJECT}/tasks/${TASK}/`
        fake.inject({
            method: 'GET',
            path,
            status: 500,
            body: `<html><script>alert(1)</script>Bad key ${KEY} in ${KEY}</html>`,
            headers: { 'set-cookie': 'sessionid=upstream' },
        })
        const html = await fetch(`${launcher.origin}/launcher/posthog${path}`)
        expect(html.status).toBe(500)
        expect(html.headers.get('content-type')).toBe('application/json')
        expect(html.headers.get('set-cookie')).toBeNull()
        expect(await html.json()).toEqual({
            type: 'server_error',
            code: 'error',
            detail: 'PostHog answered with status 500 and no error the launcher can show.',
            attr: null,
        })
        fake.inject({ method: 'GET', path, status: 500, body: { detail: `Bad key ${KEY} in ${KEY}` } })
        const json = await readAll(await fetch(`${launcher.origin}/launcher/posthog${path}`))
        expect(json).not.toContain(KEY)
        expect(json).toContain('Bad key [redacted] in [redacted]')
    })

    it('passes PostHog’s errors through in PostHog’s error shape', async () => {
        const response = await fetch(
            `${launcher.origin}${runPath(TASK)}`,
            postJson({ ...RUN_BODY, reasoning_effort: 'high', model: '' })
        )
        expect(response.status).toBe(400)
        expect(await response.json()).toMatchObject({ type: 'validation_error', attr: 'model' })
    })

    it.each([
        ['a path outside the allow-list', 'GET', `/launcher/posthog/api/projects/${PROJECT}/feature_flags/`, 404],
        ['the key owner’s other endpoints', 'GET', '/launcher/posthog/api/personal_api_keys/', 404],
        ['a path that climbs out', 'GET', `/launcher/posthog/api/projects/${PROJECT}/tasks/%2e%2e/%2e%2e/%2e%2e/`, 404],
        ['another project', 'GET', `/launcher/posthog/api/projects/${OTHER_PROJECT_ID}/tasks/`, 403],
        ['a run in another project', 'POST', runPath(DEMO_TASK_IDS.otherProjectCerts, String(OTHER_PROJECT_ID)), 403],
        ['a method the app never uses', 'DELETE', `/launcher/posthog/api/projects/${PROJECT}/tasks/${TASK}/`, 405],
        ['the bare prefix', 'GET', '/launcher/posthog', 404],
    ])('refuses %s without calling PostHog', async (_label, method, path, status) => {
        const init: RequestInit = method === 'POST' ? postJson(RUN_BODY) : { method }
        const response = await fetch(`${launcher.origin}${path}`, init)
        expect(response.status).toBe(status)
        const body: unknown = await response.json()
        expect(body).toEqual({
            type: expect.any(String),
            code: expect.any(String),
            detail: expect.any(String),
            attr: null,
        })
        expect(upstreamRequests()).toHaveLength(0)
    })

    it('refuses requests from other sites and non-JSON bodies', async () => {
        const crossSite = await fetch(
            `${launcher.origin}${runPath(TASK)}`,
            postJson(RUN_BODY, { 'sec-fetch-site': 'cross-site' })
        )
        expect(crossSite.status).toBe(403)
        const form = await fetch(`${launcher.origin}${runPath(TASK)}`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify(RUN_BODY),
        })
        expect(form.status).toBe(415)
        expect(upstreamRequests()).toHaveLength(0)
    })

    it('answers 413 to an oversized body, declared or streamed', async () => {
        const big = { ...RUN_BODY, pending_user_message: 'x'.repeat(70 * 1024) }
        const declared = await fetch(`${launcher.origin}${runPath(TASK)}`, postJson(big))
        expect(declared.status).toBe(413)
        expect(await declared.json()).toMatchObject({ code: 'payload_too_large', attr: null })
        const chunk = new TextEncoder().encode('x'.repeat(16 * 1024))
        let sent = 0
        const stream = new ReadableStream<Uint8Array>({
            pull(controller) {
                sent += 1
                if (sent > 8) {
                    controller.close()
                } else {
                    controller.enqueue(chunk)
                }
            },
        })
        const init: RequestInit & { duplex: 'half' } = {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: stream,
            duplex: 'half',
        }
        const streamed = await fetch(`${launcher.origin}${runPath(TASK)}`, init)
        expect(streamed.status).toBe(413)
        expect(upstreamRequests()).toHaveLength(0)
    })

    it('does the one warm retry PostHog asks for, with the token in the header', async () => {
        fake.inject(buildWarmRunUnavailableRule('warm-token-1'))
        const response = await fetch(`${launcher.origin}${runPath(TASK)}`, postJson(RUN_BODY))
        expect(response.status).toBe(200)
        const attempts = upstreamRequests()
        expect(attempts.map((request) => request.headers['x-posthog-warm-retry'])).toEqual([undefined, 'warm-token-1'])
        expect(
            attempts.every((request) => request.json !== undefined && request.body === JSON.stringify(RUN_BODY))
        ).toBe(true)
    })

    it('retries only once, and passes the second 503 to the app', async () => {
        const unavailable = (token: string) => ({
            method: 'POST',
            path: `/api/projects/${PROJECT}/tasks/${TASK}/run/`,
            status: 503,
            body: { code: 'warm_run_activation_unavailable', error: 'Warming up.', retry_token: token },
        })
        fake.inject(unavailable('first'))
        fake.inject(unavailable('second'))
        const response = await fetch(`${launcher.origin}${runPath(TASK)}`, postJson(RUN_BODY))
        expect(response.status).toBe(503)
        expect(await response.json()).toMatchObject({ retry_token: 'second' })
        expect(upstreamRequests().map((request) => request.headers['x-posthog-warm-retry'])).toEqual([
            undefined,
            'first',
        ])
    })

    it('does not retry with a token that cannot be a header value', async () => {
        fake.inject({
            method: 'POST',
            path: `/api/projects/${PROJECT}/tasks/${TASK}/run/`,
            status: 503,
            body: { code: 'warm_run_activation_unavailable', retry_token: 'bad\r\ntoken' },
        })
        const response = await fetch(`${launcher.origin}${runPath(TASK)}`, postJson(RUN_BODY))
        expect(response.status).toBe(503)
        expect(upstreamRequests()).toHaveLength(1)
    })

    it('forwards a retry token the app sends itself, without retrying on its behalf', async () => {
        fake.inject({
            method: 'POST',
            path: `/api/projects/${PROJECT}/tasks/${TASK}/run/`,
            status: 503,
            body: { code: 'warm_run_activation_unavailable', retry_token: 'next' },
        })
        const response = await fetch(
            `${launcher.origin}${runPath(TASK)}`,
            postJson(RUN_BODY, { 'x-posthog-warm-retry': 'from-the-app' })
        )
        expect(response.status).toBe(503)
        expect(upstreamRequests().map((request) => request.headers['x-posthog-warm-retry'])).toEqual(['from-the-app'])
    })
})

describe('server-held key mode with allowed tasks', () => {
    let launcher: Launcher

    beforeAll(async () => {
        launcher = await startLauncher(heldEnv({ POSTHOG_ALLOWED_TASK_IDS: `${TASK},${DEMO_TASK_IDS.reactUpgrade}` }))
    })

    it('lists only the allowed tasks', async () => {
        const response = await fetch(`${launcher.origin}/launcher/posthog/api/projects/${PROJECT}/tasks/?limit=100`)
        const page: unknown = await response.json()
        expect(page).toMatchObject({
            count: 2,
            results: [{ id: DEMO_TASK_IDS.reactUpgrade }, { id: TASK }],
        })
    })

    it('runs an allowed task and refuses the others', async () => {
        const allowed = await fetch(`${launcher.origin}${runPath(TASK)}`, postJson(RUN_BODY))
        expect(allowed.status).toBe(200)
        const seen = fake.requests.length
        const refused = await fetch(`${launcher.origin}${runPath(OTHER_TASK)}`, postJson(RUN_BODY))
        expect(refused.status).toBe(403)
        expect(await refused.json()).toMatchObject({ type: 'authentication_error', code: 'permission_denied' })
        const runs = await fetch(
            `${launcher.origin}/launcher/posthog/api/projects/${PROJECT}/tasks/${OTHER_TASK}/runs/`
        )
        expect(runs.status).toBe(403)
        expect(fake.requests.length).toBe(seen)
    })

    it('lists the allowed tasks in the config', async () => {
        const response = await fetch(`${launcher.origin}/launcher/config.json`)
        expect(await response.json()).toMatchObject({ allowedTaskIds: [TASK, DEMO_TASK_IDS.reactUpgrade] })
    })
})

describe('server-held key mode with a run policy', () => {
    let launcher: Launcher
    const policy = {
        branch: { pin: 'main' },
        model: { allow: ['claude-sonnet-5'] },
        initial_permission_mode: { forbid: ['bypassPermissions'] },
    }

    beforeAll(async () => {
        launcher = await startLauncher(heldEnv({ RUN_POLICY: JSON.stringify(policy) }))
    })

    it('refuses a value the policy forbids with PostHog’s validation error on that field, and PostHog never sees it', async () => {
        const seen = fake.requests.length
        const response = await fetch(
            `${launcher.origin}${runPath(TASK)}`,
            postJson({ ...RUN_BODY, initial_permission_mode: 'bypassPermissions' })
        )
        expect(response.status).toBe(400)
        expect(await response.json()).toEqual({
            type: 'validation_error',
            code: 'not_allowed_by_policy',
            detail: 'This launcher does not allow initial_permission_mode "bypassPermissions".',
            attr: 'initial_permission_mode',
        })
        const other = await fetch(`${launcher.origin}${runPath(TASK)}`, postJson({ ...RUN_BODY, branch: 'release' }))
        expect(await other.json()).toMatchObject({ attr: 'branch', code: 'not_allowed_by_policy' })
        const notObject = await fetch(`${launcher.origin}${runPath(TASK)}`, postJson(['x']))
        expect(await notObject.json()).toMatchObject({ type: 'invalid_request', code: 'parse_error', attr: null })
        expect(fake.requests.length).toBe(seen)
    })

    it('sends an allowed body with the pinned field filled in', async () => {
        const response = await fetch(`${launcher.origin}${runPath(TASK)}`, postJson(RUN_BODY))
        expect(response.status).toBe(200)
        const run = fake.requests.filter((request) => request.path.endsWith('/run/')).at(-1)
        expect(run?.json).toEqual({ ...RUN_BODY, branch: 'main' })
    })
})

describe('limits and failures', () => {
    it('rate-limits each client with 429, Retry-After and PostHog’s throttle body', async () => {
        const launcher = await startLauncher(heldEnv({ PROXY_RATE_LIMIT_PER_MINUTE: '2' }), { now: () => 1_000_000 })
        const path = `${launcher.origin}/launcher/posthog/api/projects/${PROJECT}/tasks/models/`
        expect((await fetch(path)).status).toBe(200)
        expect((await fetch(path)).status).toBe(200)
        const throttled = await fetch(path)
        expect(throttled.status).toBe(429)
        expect(throttled.headers.get('retry-after')).toBe('60')
        expect(await throttled.json()).toEqual({
            type: 'throttled_error',
            code: 'throttled',
            detail: 'Request was throttled. Expected available in 60 seconds.',
            attr: null,
        })
        // the app's own pages are not rate-limited
        expect((await fetch(`${launcher.origin}/launcher/config.json`)).status).toBe(200)
    })

    it('answers 502 when PostHog cannot be reached', async () => {
        const gone = await startFakePostHog()
        const origin = gone.origin
        await gone.close()
        const launcher = await startLauncher(heldEnv({ POSTHOG_HOST: origin }))
        const response = await fetch(`${launcher.origin}${runPath(TASK)}`, postJson(RUN_BODY))
        expect(response.status).toBe(502)
        const text = await readAll(response)
        expect(text).not.toContain(KEY)
        expect(JSON.parse(text.slice(text.indexOf('\n') + 1))).toEqual({
            type: 'server_error',
            code: 'upstream_unreachable',
            detail: `Run Launcher could not reach PostHog at ${origin}.`,
            attr: null,
        })
        expect(launcher.logs).toEqual([
            expect.stringMatching(/^proxy POST \/api\/projects\/1\/tasks\/.+\/run\/ 502 \d+ms$/),
        ])
    })

    it('answers 504 when PostHog does not answer in time', async () => {
        const hanging: typeof fetch = (_input, init) =>
            new Promise((_resolve, reject) => {
                init?.signal?.addEventListener('abort', () => {
                    reject(new DOMException('timed out', 'TimeoutError'))
                })
            })
        const launcher = await startLauncher(heldEnv(), { fetch: hanging, upstreamTimeoutMs: 50 })
        const response = await fetch(`${launcher.origin}/launcher/posthog/api/users/@me/`)
        expect(response.status).toBe(504)
        expect(await response.json()).toMatchObject({ code: 'upstream_timeout' })
    })

    it('refuses an answer larger than UPSTREAM_MAX_BODY_BYTES, declared or streamed, without reading it all', async () => {
        let pulled = 0
        const chunk = new Uint8Array(64 * 1024).fill(32)
        const endless: typeof fetch = () => {
            const body = new ReadableStream<Uint8Array>({
                pull(controller) {
                    pulled += chunk.byteLength
                    controller.enqueue(chunk)
                },
            })
            return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }))
        }
        const launcher = await startLauncher(heldEnv({ UPSTREAM_MAX_BODY_BYTES: '1048576' }), { fetch: endless })
        const response = await fetch(`${launcher.origin}/launcher/posthog/api/schema/?format=json`)
        expect(response.status).toBe(502)
        expect(await response.json()).toMatchObject({ code: 'upstream_too_large', attr: null })
        expect(pulled).toBeLessThan(2 * 1024 * 1024)
        const declared: typeof fetch = () =>
            Promise.resolve(
                new Response('{}', { status: 200, headers: { 'content-length': String(50 * 1024 * 1024) } })
            )
        const honest = await startLauncher(heldEnv({ UPSTREAM_MAX_BODY_BYTES: '1048576' }), { fetch: declared })
        expect((await fetch(`${honest.origin}/launcher/posthog/api/schema/`)).status).toBe(502)
    })

    it('refuses to follow redirects, which could carry the key elsewhere', async () => {
        fake.inject({
            method: 'GET',
            path: '/api/users/@me/',
            status: 302,
            headers: { location: 'https://attacker.example/' },
        })
        const launcher = await startLauncher(heldEnv())
        const response = await fetch(`${launcher.origin}/launcher/posthog/api/users/@me/`)
        expect(response.status).toBe(502)
        expect(response.headers.get('location')).toBeNull()
    })

    it('refuses other Host names on every path, on any bind (DNS rebinding)', async () => {
        const app = createServerApp(configFor(heldEnv()), { log: () => undefined })
        const rebound = await app.request(`http://attacker.example:8080/launcher/posthog/api/users/@me/`)
        expect(rebound.status).toBe(403)
        expect(await rebound.json()).toMatchObject({ code: 'permission_denied', attr: null })
        expect((await app.request('http://attacker.example:8080/launcher/config.json')).status).toBe(403)
        const local = await app.request(`http://localhost:8080/launcher/posthog/api/users/@me/`)
        expect(local.status).toBe(200)
        const publicBind = createServerApp(
            configFor(heldEnv({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'launcher.example.com' })),
            { log: () => undefined }
        )
        const named = await publicBind.request('http://launcher.example.com/launcher/posthog/api/users/@me/')
        expect(named.status).toBe(200)
        expect((await publicBind.request('http://10.0.0.5:8080/launcher/posthog/api/users/@me/')).status).toBe(403)
        expect((await publicBind.request('http://10.0.0.5:8080/healthz')).status).toBe(200)
    })
})
