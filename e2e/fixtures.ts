import { test as base, expect, type FrameLocator, type Page } from '@playwright/test'

import type { FakePostHogOptions } from '../fake-posthog/FakePostHogOptions.ts'
import { createServerApp } from '../server/createServerApp.ts'
import { parseServerConfig } from '../server/parseServerConfig.ts'
import { startServer } from '../server/startServer.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID } from '../fake-posthog/seedData.ts'
import { startFakePostHog, type FakePostHog } from '../fake-posthog/startFakePostHog.ts'

interface Fixtures {
    /** Options for this test's own fake PostHog (set with test.use). */
    fakeOptions: FakePostHogOptions
    /** A fresh PostHog double on its own random port: every call from the app is cross-origin. */
    fake: FakePostHog
}

export const test = base.extend<Fixtures>({
    fakeOptions: [{}, { option: true }],
    fake: async ({ fakeOptions }, use) => {
        const fake = await startFakePostHog(fakeOptions)
        await use(fake)
        await fake.close()
    },
})

export { expect }

interface ConnectOptions {
    apiKey?: string
    projectId?: number | string
    /** Wait for the success banner (default) or leave the outcome to the test. */
    expectConnected?: boolean
}

/**
 * Opens the connection panel: a first visit shows a "Connect to PostHog" button until the user asks; a returning
 * visit (or a link with a host) shows the panel at once.
 */
export async function openConnection(page: Page | FrameLocator): Promise<void> {
    const button = page.getByRole('button', { name: 'Connect to PostHog' })
    const panel = page.getByRole('radio', { name: /Self-hosted/ })
    // The button shows at the first paint; a returning visit's launcher may replace it while the click is on its way.
    await expect(async () => {
        if (await button.isVisible()) await button.click({ timeout: 2000 })
        await expect(panel).toBeVisible({ timeout: 2000 })
    }).toPass()
}

/** Connects the app (a page, or an embedded app's frame) to the fake as a user would: address, project, key, check. */
export async function connect(
    page: Page | FrameLocator,
    fake: FakePostHog,
    options: ConnectOptions = {}
): Promise<void> {
    await openConnection(page)
    await page.getByRole('radio', { name: /Self-hosted/ }).check()
    await page.getByLabel('PostHog address').fill(fake.origin)
    await page.getByLabel('Project ID').fill(String(options.projectId ?? DEMO_PROJECT_ID))
    await page.getByLabel('Personal API key').fill(options.apiKey ?? DEMO_KEYS.full)
    await page.getByRole('button', { name: 'Check connection' }).click()
    if (options.expectConnected ?? true) {
        await expect(page.getByText(/^Connected to/)).toBeVisible()
    }
}

/** Connects to the fake as `connect` does, then chooses its task #1, "Fix flaky login test". */
export async function connectToFlakyLoginTask(page: Page | FrameLocator, fake: FakePostHog): Promise<void> {
    await connect(page, fake)
    await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
}

// The connection check probes task:write with a run of this task, which cannot exist.
const WRITE_PROBE_TASK = '00000000-0000-0000-0000-000000000000'

/** The JSON bodies of the run requests the fake received (not the connection check's probe). */
export function runRequests(fake: FakePostHog): unknown[] {
    return fake.requests
        .filter((request) => request.method === 'POST' && /\/tasks\/[^/]+\/run\/$/.test(request.path))
        .filter((request) => !request.path.includes(`/tasks/${WRITE_PROBE_TASK}/`))
        .map((request) => request.json)
}

/** A second production server in server-held key mode, in front of a test's fake PostHog. */
export interface HeldKeyLauncher {
    origin: string
    /** Every line the server logged. */
    logs: string[]
    close: () => Promise<void>
}

/** Starts the production server holding the demo key for the fake's project; `env` overrides its settings. */
export async function startHeldKeyLauncher(
    fake: FakePostHog,
    env: Record<string, string> = {}
): Promise<HeldKeyLauncher> {
    const parsed = parseServerConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        POSTHOG_HOST: fake.origin,
        POSTHOG_PERSONAL_API_KEY: DEMO_KEYS.full,
        POSTHOG_PROJECT_ID: String(DEMO_PROJECT_ID),
        ALLOWED_UPLOAD_ORIGINS: '',
        PROXY_RATE_LIMIT_PER_MINUTE: '600',
        ...env,
    })
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const logs: string[] = []
    const app = createServerApp(parsed.config, { log: (line) => logs.push(line) })
    const server = await startServer(app, { host: parsed.config.host, port: parsed.config.port })
    return { origin: server.origin, logs, close: () => server.close(1_000) }
}
