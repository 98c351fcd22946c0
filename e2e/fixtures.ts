import { test as base, expect, type FrameLocator, type Page } from '@playwright/test'

import type { FakePostHogOptions } from '../fake-posthog/FakePostHogOptions.ts'
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
    await expect(button.or(panel).first()).toBeVisible()
    if (await button.isVisible()) await button.click()
    await expect(panel).toBeVisible()
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

// The connection check probes task:write with a run of this task, which cannot exist.
const WRITE_PROBE_TASK = '00000000-0000-0000-0000-000000000000'

/** The JSON bodies of the run requests the fake received (not the connection check's probe). */
export function runRequests(fake: FakePostHog): unknown[] {
    return fake.requests
        .filter((request) => request.method === 'POST' && /\/tasks\/[^/]+\/run\/$/.test(request.path))
        .filter((request) => !request.path.includes(`/tasks/${WRITE_PROBE_TASK}/`))
        .map((request) => request.json)
}
