// Takes docs/run-activity.png: the app following a run of the fake PostHog (npx tsx scripts/screenshotRunActivity.ts).
import { chromium } from '@playwright/test'

import { DEMO_KEYS, DEMO_PROJECT_ID } from '../fake-posthog/seedData.ts'
import { startFakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { createServerApp } from '../server/createServerApp.ts'
import { parseServerConfig } from '../server/parseServerConfig.ts'
import { startServer } from '../server/startServer.ts'

const fake = await startFakePostHog({
    activity: { stepMs: 150 },
    runStatusSteps: ['queued', ...Array<'in_progress'>(30).fill('in_progress'), 'completed'],
})
const parsed = parseServerConfig({ PORT: '0', BUILD_ON_START: 'never', ALLOWED_POSTHOG_HOSTS: fake.origin })
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const server = await startServer(createServerApp(parsed.config, { log: () => undefined }), {
    host: '127.0.0.1',
    port: 0,
})
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1300 }, colorScheme: 'light' })
    await page.goto(server.origin)
    await page.getByRole('button', { name: 'Connect to PostHog' }).click()
    await page.getByRole('radio', { name: /Self-hosted/ }).check()
    await page.getByLabel('PostHog address').fill(fake.origin)
    await page.getByLabel('Project ID').fill(String(DEMO_PROJECT_ID))
    await page.getByLabel('Personal API key').fill(DEMO_KEYS.full)
    await page.getByRole('button', { name: 'Check connection' }).click()
    await page.getByText(/^Connected to/).waitFor()
    await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
    await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 5 — claude-sonnet-5' })
    await page.getByLabel(/^Mode\b(?!l)/).selectOption('interactive')
    await page.getByLabel(/^Pending user message/).fill('The date parser test is flaky: find out why and fix it.')
    await page.getByRole('button', { name: 'Start run' }).click()
    const panel = page.getByRole('region', { name: 'Run started' })
    await panel.getByText('Turn ended (end_turn)').waitFor({ timeout: 30_000 })
    await panel.getByText('Run the test suite').click()
    await panel.getByLabel('Message to the run').fill('Please also add a test for time zones.')
    await panel.scrollIntoViewIfNeeded()
    await panel.screenshot({ path: 'docs/run-activity.png' })
} finally {
    await browser.close()
    await server.close(100)
    await fake.close()
}
