import type { Page } from '@playwright/test'

import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { expectNoAxeViolations } from './axe.ts'
import { connect, expect, test as fakeTest, startHeldKeyLauncher, type HeldKeyLauncher } from './fixtures.ts'

const KEY = DEMO_KEYS.full
// Where users open PostHog; the proxy itself talks to the fake at an "internal" address.
const PUBLIC_HOST = 'https://posthog.example.com'
const TASK = DEMO_TASK_IDS.flakyLoginTest
const RUN_TIMEOUT_MS = 20_000

interface LauncherFixtures {
    /** Extra environment for this test's own production server (set with test.use). */
    launcherEnv: Record<string, string>
    /** A second production server in server-held key mode, in front of this test's fake PostHog. */
    launcher: HeldKeyLauncher
}

const test = fakeTest.extend<LauncherFixtures>({
    launcherEnv: [{}, { option: true }],
    launcher: async ({ fake, launcherEnv }, use) => {
        const launcher = await startHeldKeyLauncher(fake, {
            POSTHOG_PUBLIC_HOST: PUBLIC_HOST,
            POSTHOG_PERSONAL_API_KEY: KEY,
            ...launcherEnv,
        })
        await use(launcher)
        await launcher.close()
    },
})

interface Traffic {
    /** Console errors about the Content Security Policy. */
    cspViolations: string[]
    /** Every URL the browser asked for, with its request headers. */
    requests: { url: string; headers: Record<string, string> }[]
    /** Every response the browser got: URL, headers and body as text (empty when the browser keeps none). */
    responses: () => Promise<{ url: string; text: string }[]>
}

/** Records what the browser sends and receives, and what its console says about the CSP. */
function recordTraffic(page: Page): Traffic {
    const cspViolations: string[] = []
    const requests: Traffic['requests'] = []
    const pending: Promise<{ url: string; text: string }>[] = []
    page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
            cspViolations.push(message.text())
        }
    })
    page.on('request', (request) => {
        requests.push({ url: request.url(), headers: request.headers() })
    })
    page.on('response', (response) => {
        pending.push(
            (async () => {
                const headers = JSON.stringify(await response.allHeaders())
                // redirects and aborted requests have no body to read
                const body = await response.body().then(
                    (buffer) => buffer.toString('utf8'),
                    () => ''
                )
                return { url: response.url(), text: `${headers}\n${body}` }
            })()
        )
    })
    return { cspViolations, requests, responses: () => Promise.all(pending) }
}

function directive(csp: string, name: string): string | undefined {
    return csp
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith(`${name} `))
}

function taskRadios(page: Page) {
    return page.getByRole('group', { name: 'Tasks' }).getByRole('radio')
}

function runStatus(page: Page) {
    return page.getByRole('region', { name: 'Run started' }).getByRole('status')
}

function runRequestsFor(fake: FakePostHog, taskId: string) {
    return fake.requests.filter(
        (request) => request.method === 'POST' && request.path === `/api/projects/1/tasks/${taskId}/run/`
    )
}

/** Picks the task and a model, writes a message and starts the run. */
async function startRun(page: Page, taskName: RegExp): Promise<void> {
    await page.getByRole('radio', { name: taskName }).check()
    await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 5 — claude-sonnet-5' })
    await page.getByLabel(/^Pending user message/).fill('Make the login test deterministic.')
    await page.getByRole('button', { name: 'Start run' }).click()
}

test.describe('server-held key mode', () => {
    test('runs the whole flow without a key, and the browser never sees the key', async ({ page, fake, launcher }) => {
        const traffic = recordTraffic(page)
        const document = await page.goto(`${launcher.origin}/`)

        const headers = (await document?.allHeaders()) ?? {}
        const csp = headers['content-security-policy'] ?? ''
        expect(directive(csp, 'script-src')).toBe("script-src 'self'")
        expect(csp).not.toContain('unsafe-eval')
        expect(csp).not.toContain('unsafe-inline')
        // the browser talks to PostHog only through the server
        expect(directive(csp, 'connect-src')).toBe("connect-src 'self'")
        expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self'")
        expect(headers['referrer-policy']).toBe('no-referrer')
        expect(headers['x-content-type-options']).toBe('nosniff')

        await expect(page.getByText(/with a key held by its server\. You do not need a key\./)).toContainText(
            `project ${DEMO_PROJECT_ID} on ${PUBLIC_HOST}`
        )
        await expect(page.getByLabel('Personal API key')).toHaveCount(0)
        await expect(page.getByRole('button', { name: 'Check connection' })).toHaveCount(0)
        // connected by itself; the proxy shows visitors the key owner's name and nothing more about them
        await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toHaveText(
            'Connected to Demo project as Ada Lovelace.'
        )
        await expect(page.locator('body')).not.toContainText('ada@example.com')

        await startRun(page, /#1 Fix flaky login test/)
        await expect(runStatus(page)).toHaveText(/Queued|In progress/)
        await expect(runStatus(page)).toHaveText('Completed', { timeout: RUN_TIMEOUT_MS })

        const [run] = runRequestsFor(fake, TASK)
        expect(run?.headers['authorization']).toBe(`Bearer ${KEY}`)
        expect(run?.json).toMatchObject({
            model: 'claude-sonnet-5',
            pending_user_message: 'Make the login test deterministic.',
        })
        const runId = fake.state.findLatestRun(TASK)?.id ?? 'no run'
        await expect(page.getByRole('link', { name: 'Open in PostHog' })).toHaveAttribute(
            'href',
            `${PUBLIC_HOST}/project/1/tasks/${TASK}?runId=${runId}`
        )
        await expectNoAxeViolations(page)

        // the browser only ever spoke to the launcher, without a key, and got nothing back that holds it
        const responses = await traffic.responses()
        expect(responses.some(({ text }) => text.includes(runId))).toBe(true)
        expect(responses.filter(({ text }) => text.includes(KEY)).map(({ url }) => url)).toEqual([])
        expect(traffic.requests.filter(({ url }) => !url.startsWith(`${launcher.origin}/`))).toEqual([])
        expect(traffic.requests.filter(({ headers: sent }) => JSON.stringify(sent).includes(KEY))).toEqual([])
        expect(launcher.logs.join('\n')).not.toContain(KEY)
        expect(traffic.cspViolations).toEqual([])
    })

    test.describe('with allowed tasks', () => {
        const allowed = [DEMO_TASK_IDS.csvExport, DEMO_TASK_IDS.reactUpgrade]
        test.use({ launcherEnv: { POSTHOG_ALLOWED_TASK_IDS: allowed.join(',') } })

        test('lists only the allowed tasks and runs one of them', async ({ page, fake, launcher }) => {
            const traffic = recordTraffic(page)
            await page.goto(`${launcher.origin}/`)
            await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toBeVisible()
            await expect(page.getByRole('radio', { name: /#2 Add CSV export to insights/ })).toBeVisible()
            await expect(page.getByRole('radio', { name: /#3 Upgrade React to 19 in the dashboard/ })).toBeVisible()
            await expect(taskRadios(page)).toHaveCount(2)
            await startRun(page, /#2 Add CSV export to insights/)
            await expect(page.getByRole('heading', { name: 'Run started' })).toBeVisible()
            expect(runRequestsFor(fake, DEMO_TASK_IDS.csvExport)).toHaveLength(1)
            expect(runRequestsFor(fake, TASK)).toHaveLength(0)
            expect(traffic.cspViolations).toEqual([])
        })
    })
})

test.describe('browser key mode on the shared server', () => {
    test('runs the whole flow under its CSP without a violation', async ({ page, fake }) => {
        const traffic = recordTraffic(page)
        const document = await page.goto('/')
        const csp = (await document?.allHeaders())?.['content-security-policy'] ?? ''
        expect(directive(csp, 'script-src')).toBe("script-src 'self'")
        expect(directive(csp, 'connect-src')).toContain('https://us.posthog.com')

        await connect(page, fake)
        await startRun(page, /#1 Fix flaky login test/)
        await expect(runStatus(page)).toHaveText('Completed', { timeout: RUN_TIMEOUT_MS })
        expect(runRequestsFor(fake, TASK)).toHaveLength(1)
        expect(traffic.cspViolations).toEqual([])
    })
})
