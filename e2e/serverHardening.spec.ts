import { createServer, request as httpRequest } from 'node:http'
import { connect as connectSocket } from 'node:net'

import { chromium } from '@playwright/test'
import type { Page } from '@playwright/test'

import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { createServerApp } from '../server/createServerApp.ts'
import { parseServerConfig } from '../server/parseServerConfig.ts'
import { startServer } from '../server/startServer.ts'
import { chromiumLaunchOptions } from './chromium.ts'
import { expect, test } from './fixtures.ts'

// Issue 15's server findings, each reproduced against a real launcher in server-held key mode and shown fixed.
const PROJECT = String(DEMO_PROJECT_ID)
const TASK = DEMO_TASK_IDS.flakyLoginTest
const PROXY = '/launcher/posthog'
const REBIND_HOST = 'rebind.evil.example'

interface Launcher {
    origin: string
    port: number
    close: () => Promise<void>
}

const started: Launcher[] = []

test.afterEach(async () => {
    await Promise.all(started.splice(0).map((launcher) => launcher.close()))
})

/** The production server as main.ts starts it (settings, limits and all), holding the demo key. */
async function startLauncher(upstream: string, env: Record<string, string> = {}): Promise<Launcher> {
    const parsed = parseServerConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        POSTHOG_HOST: upstream,
        POSTHOG_PERSONAL_API_KEY: DEMO_KEYS.full,
        POSTHOG_PROJECT_ID: PROJECT,
        PROXY_RATE_LIMIT_PER_MINUTE: '600',
        ...env,
    })
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const { config } = parsed
    const server = await startServer(createServerApp(config, { log: () => undefined }), {
        host: config.host,
        port: config.port,
        limits: config.limits,
    })
    const launcher = { origin: `http://127.0.0.1:${server.port}`, port: server.port, close: () => server.close(500) }
    started.push(launcher)
    return launcher
}

/** A raw request with any Host header, as a rebound page's browser would send it. */
function requestWithHost(port: number, path: string, headers: Record<string, string>) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
        const call = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
            let body = ''
            response.on('data', (chunk: Buffer) => {
                body += chunk.toString()
            })
            response.on('end', () => {
                resolve({ status: response.statusCode ?? 0, body })
            })
        })
        call.on('error', reject)
        call.end()
    })
}

function keyedRequests(fake: FakePostHog) {
    return fake.requests.filter((request) => request.headers['authorization'] === `Bearer ${DEMO_KEYS.full}`)
}

async function expectConnected(page: Page) {
    await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toBeVisible()
}

test.describe('DNS rebinding (finding 2)', () => {
    test('a page whose name now points at the launcher gets 403 from its proxy, on a public bind too', async ({
        fake,
    }) => {
        const launcher = await startLauncher(fake.origin, { HOST: '0.0.0.0', ALLOWED_HOSTS: '127.0.0.1' })
        const before = keyedRequests(fake).length
        const rebound = await requestWithHost(launcher.port, `${PROXY}/api/users/@me/`, {
            host: `${REBIND_HOST}:${launcher.port}`,
            'sec-fetch-site': 'same-origin',
        })
        expect(rebound.status).toBe(403)
        expect(JSON.parse(rebound.body)).toMatchObject({ code: 'permission_denied', attr: null })
        expect(keyedRequests(fake).length).toBe(before)
        const named = await requestWithHost(launcher.port, `${PROXY}/api/users/@me/`, {
            host: `127.0.0.1:${launcher.port}`,
        })
        expect(named.status).toBe(200)
    })

    test('in Chromium: the rebound name gets 403 for the page and its same-origin calls, the real name works', async ({
        fake,
        page,
    }) => {
        const launcher = await startLauncher(fake.origin)
        // the attacker's DNS now answers 127.0.0.1 for their own name
        const browser = await chromium.launch({
            ...chromiumLaunchOptions,
            args: [...chromiumLaunchOptions.args, `--host-resolver-rules=MAP ${REBIND_HOST} 127.0.0.1`],
        })
        try {
            const rebound = await browser.newPage()
            const document = await rebound.goto(`http://${REBIND_HOST}:${launcher.port}/`)
            expect(document?.status()).toBe(403)
            const before = keyedRequests(fake).length
            const status = await rebound.evaluate(async (path) => (await fetch(path)).status, `${PROXY}/api/users/@me/`)
            expect(status).toBe(403)
            expect(keyedRequests(fake).length).toBe(before)
        } finally {
            await browser.close()
        }
        await page.goto(`${launcher.origin}/`)
        await expectConnected(page)
    })
})

test.describe('the task allow-list fails closed (finding 3)', () => {
    for (const [label, body] of [
        ['a bare array', [{ id: TASK, title: 'Hidden task', task_number: 9 }]],
        ['results that is not a list', { count: 1, results: { hidden: { id: TASK, title: 'Hidden task' } } }],
    ] as const) {
        test(`a task list that is ${label} is refused, and the hidden task never shows`, async ({ fake, page }) => {
            const launcher = await startLauncher(fake.origin, { POSTHOG_ALLOWED_TASK_IDS: DEMO_TASK_IDS.csvExport })
            fake.inject({ method: 'GET', path: /^\/api\/projects\/1\/tasks\/$/, status: 200, body, times: 20 })
            const listPath = `${PROXY}/api/projects/${PROJECT}/tasks/`
            const listed = page.waitForResponse((response) => new URL(response.url()).pathname === listPath)
            await page.goto(`${launcher.origin}/`)
            const response = await listed
            expect(response.status()).toBe(502)
            expect(await response.json()).toMatchObject({ type: 'server_error', code: 'upstream_invalid' })
            await expect(page.getByRole('alert').filter({ hasText: 'Could not connect' })).toContainText(
                'answered a list request with something that is not a list'
            )
            await expect(page.getByText('Hidden task')).toHaveCount(0)
            await expect(page.getByRole('group', { name: 'Tasks' }).getByRole('radio')).toHaveCount(0)
        })
    }

    test('only the query parameters each route takes reach PostHog', async ({ fake, request }) => {
        const launcher = await startLauncher(fake.origin)
        const runPath = `/api/projects/${PROJECT}/tasks/${TASK}/run/`
        await request.post(`${launcher.origin}${PROXY}${runPath}?format=api&personal_api_key=phx_elsewhere`, {
            data: { mode: 'background', pending_user_message: 'hi' },
        })
        await request.get(`${launcher.origin}${PROXY}/api/projects/${PROJECT}/tasks/${TASK}/?limit=999999`)
        await request.get(`${launcher.origin}${PROXY}/api/projects/${PROJECT}/tasks/?limit=999999&search=login`)
        const paths = fake.requests.map((seen) => seen.path)
        expect(paths).toContain(runPath)
        expect(paths).toContain(`/api/projects/${PROJECT}/tasks/${TASK}/`)
        expect(paths).toContain(`/api/projects/${PROJECT}/tasks/?search=login`)
        expect(paths.filter((path) => /format=api|personal_api_key|999999/.test(path))).toEqual([])
    })
})

test.describe('what the browser gets back (finding 4)', () => {
    const PRIVATE = { email: 'ada@example.com', api_token: 'phc_project_token_123' }

    test('the profile is cut on a 203, and a 404 body reaches the browser as PostHog’s error keys only', async ({
        fake,
        request,
    }) => {
        const launcher = await startLauncher(fake.origin)
        fake.inject({ method: 'GET', path: '/api/users/@me/', status: 203, body: { first_name: 'Ada', ...PRIVATE } })
        const me = await request.get(`${launcher.origin}${PROXY}/api/users/@me/`)
        expect(me.status()).toBe(203)
        expect(await me.json()).toEqual({ first_name: 'Ada' })
        const body = { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null, ...PRIVATE }
        fake.inject({ method: 'GET', path: `/api/projects/${PROJECT}/`, status: 404, body })
        const project = await request.get(`${launcher.origin}${PROXY}/api/projects/${PROJECT}/`)
        expect(project.status()).toBe(404)
        expect(await project.json()).toEqual({
            type: 'invalid_request',
            code: 'not_found',
            detail: 'Not found.',
            attr: null,
        })
    })
})

test.describe('time and size caps (finding 5)', () => {
    test('a POST trickling a byte every 1.5 s is cut off at REQUEST_TIMEOUT_MS', async ({ fake }) => {
        const launcher = await startLauncher(fake.origin, { REQUEST_TIMEOUT_MS: '3000', HEADERS_TIMEOUT_MS: '2000' })
        const socket = connectSocket(launcher.port, '127.0.0.1')
        const begun = Date.now()
        let received = ''
        socket.on('data', (chunk: Buffer) => {
            received += chunk.toString()
        })
        socket.write(
            `POST ${PROXY}/api/projects/${PROJECT}/tasks/${TASK}/run/ HTTP/1.1\r\nHost: 127.0.0.1:${launcher.port}\r\n` +
                'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n'
        )
        const trickle = setInterval(() => {
            if (!socket.destroyed) socket.write(' ')
        }, 1_500)
        await new Promise((resolve) => socket.on('close', resolve))
        clearInterval(trickle)
        expect(received).toMatch(/^HTTP\/1\.1 408/)
        // 3 s and a check interval, not the 25 minutes the body would take
        expect(Date.now() - begun).toBeLessThan(10_000)
        expect(fake.requests.filter((seen) => seen.path.endsWith('/run/'))).toEqual([])
    })

    test('a 50 MB answer from PostHog is refused without being read whole', async ({ request }) => {
        let written = 0
        const chunk = Buffer.alloc(256 * 1024, 0x20)
        const huge = createServer((_request, response) => {
            response.writeHead(200, { 'content-type': 'application/json' })
            const pump = () => {
                while (written < 50 * 1024 * 1024 && !response.destroyed) {
                    written += chunk.length
                    if (!response.write(chunk)) {
                        response.once('drain', pump)
                        return
                    }
                }
                response.end()
            }
            pump()
        })
        await new Promise<void>((resolve) => huge.listen(0, '127.0.0.1', resolve))
        const address = huge.address()
        if (address === null || typeof address === 'string') throw new Error('no TCP address')
        const upstream = `http://127.0.0.1:${address.port}`
        try {
            const launcher = await startLauncher(upstream)
            const response = await request.get(`${launcher.origin}${PROXY}/api/schema/?format=json`)
            expect(response.status()).toBe(502)
            expect(await response.json()).toMatchObject({ code: 'upstream_too_large', attr: null })
            // the default cap is 16 MB; what PostHog managed to write beyond it sat in socket buffers at most
            expect(written).toBeLessThan(40 * 1024 * 1024)
        } finally {
            huge.closeAllConnections()
            await new Promise((resolve) => huge.close(resolve))
        }
    })
})

test.describe('the run policy (finding 7)', () => {
    const POLICY = JSON.stringify({
        branch: { pin: 'main' },
        initial_permission_mode: { forbid: ['bypassPermissions'] },
    })

    test('a refused value lands on its field in the app, and PostHog never gets the run', async ({ fake, page }) => {
        const launcher = await startLauncher(fake.origin, { RUN_POLICY: POLICY })
        await page.goto(`${launcher.origin}/`)
        await expectConnected(page)
        await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
        await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 5 — claude-sonnet-5' })
        await page.getByLabel(/^Pending user message/).fill('Make the login test deterministic.')
        await page.getByLabel(/^Branch/).fill('release')
        await page.getByRole('button', { name: 'Start run' }).click()
        const branch = page.getByLabel(/^Branch/)
        await expect(branch).toHaveAccessibleDescription(/This launcher only starts runs with branch "main"\./)
        await expect(branch).toHaveAttribute('aria-invalid', 'true')
        expect(fake.requests.filter((seen) => seen.path === `/api/projects/${PROJECT}/tasks/${TASK}/run/`)).toEqual([])

        await branch.fill('')
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(page.getByRole('heading', { name: 'Run started' })).toBeVisible()
        const [run] = fake.requests.filter((seen) => seen.path === `/api/projects/${PROJECT}/tasks/${TASK}/run/`)
        expect(run?.json).toMatchObject({ branch: 'main' })
    })

    test('curl cannot get past it either: bypassPermissions is refused on its field', async ({ fake, request }) => {
        const launcher = await startLauncher(fake.origin, { RUN_POLICY: POLICY })
        const response = await request.post(`${launcher.origin}${PROXY}/api/projects/${PROJECT}/tasks/${TASK}/run/`, {
            data: { mode: 'background', pending_user_message: 'hi', initial_permission_mode: 'bypassPermissions' },
        })
        expect(response.status()).toBe(400)
        expect(await response.json()).toEqual({
            type: 'validation_error',
            code: 'not_allowed_by_policy',
            detail: 'This launcher does not allow initial_permission_mode "bypassPermissions".',
            attr: 'initial_permission_mode',
        })
    })
})
