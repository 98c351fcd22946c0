import type { Page } from '@playwright/test'

import { buildWarmRunUnavailableRule, WARM_RETRY_HEADER } from '../fake-posthog/FakeTraffic.ts'
import { buildThrottledRule, buildUsageLimitRule } from '../fake-posthog/injectedRules.ts'
import { DEMO_KEYS, DEMO_RUN_IDS } from '../fake-posthog/seedData.ts'
import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { expectNoAxeViolations } from './axe.ts'
import { connect, expect, runRequests, test } from './fixtures.ts'

const RUN_PATH = /\/tasks\/[^/]+\/run\/$/
const MESSAGE = 'Make the login test wait for the session cookie.'

/** A connected form for task #1 with a model, an effort, a message and a branch typed in. */
async function fillRun(page: Page, fake: FakePostHog, apiKey: string = DEMO_KEYS.full): Promise<void> {
    await page.goto('/')
    await connect(page, fake, { apiKey })
    await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
    await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 4.6 — claude-sonnet-4-6' })
    await page.getByLabel(/^Reasoning effort/).selectOption({ label: 'Medium' })
    await page.getByLabel(/^Pending user message/).fill(MESSAGE)
    await page.getByLabel(/^Branch/).fill('release/2026-05')
}

/** Everything typed is still there after a failed request. */
async function expectInputKept(page: Page): Promise<void> {
    await expect(page.getByLabel(/^Model/)).toHaveValue('claude-sonnet-4-6')
    await expect(page.getByLabel(/^Reasoning effort/)).toHaveValue('medium')
    await expect(page.getByLabel(/^Pending user message/)).toHaveValue(MESSAGE)
    await expect(page.getByLabel(/^Branch/)).toHaveValue('release/2026-05')
    await expect(page.getByLabel('Task ID')).not.toHaveValue('')
}

function startRun(page: Page) {
    return page.getByRole('button', { name: 'Start run' }).click()
}

function problem(page: Page, title: string) {
    return page.getByRole('alert').filter({ hasText: title })
}

function resultPanel(page: Page) {
    return page.getByRole('region', { name: 'Run started' })
}

test.describe('when PostHog refuses the run', () => {
    test('a field error lands on its field, focused, with the input intact; fixing it clears it', async ({
        page,
        fake,
    }) => {
        await fillRun(page, fake)
        fake.inject({
            method: 'POST',
            path: RUN_PATH,
            status: 400,
            body: {
                type: 'validation_error',
                code: 'invalid_input',
                detail: 'Branch "release/2026-05" does not exist in acme/web-app.',
                attr: 'branch',
            },
        })
        await startRun(page)
        const branch = page.getByLabel(/^Branch/)
        await expect(branch).toBeFocused()
        await expect(branch).toHaveAttribute('aria-invalid', 'true')
        await expect(branch).toHaveAccessibleDescription(/Branch "release\/2026-05" does not exist in acme\/web-app\./)
        await expectInputKept(page)
        await expect(resultPanel(page)).toHaveCount(0)
        await expectNoAxeViolations(page)

        await branch.fill('main')
        await expect(branch).toHaveAttribute('aria-invalid', 'false')
        await startRun(page)
        await expect(resultPanel(page)).toBeVisible()
        expect(runRequests(fake)).toHaveLength(2)
    })

    test('the run view’s own 400 ("Invalid resume_from_run_id") lands on the resume field', async ({ page, fake }) => {
        await fillRun(page, fake)
        const resume = page.getByLabel(/^Resume from run ID/)
        await expect(resume.locator('option')).toHaveCount(4)
        await page.getByRole('button', { name: 'Enter it by hand' }).last().click()
        // A run of another task: PostHog refuses it.
        await resume.fill(DEMO_RUN_IDS.csvExportCompleted)
        await startRun(page)
        await expect(resume).toBeFocused()
        await expect(resume).toHaveAccessibleDescription(/Invalid resume_from_run_id\./)
        await expect(resume).toHaveValue(DEMO_RUN_IDS.csvExportCompleted)
        await expectInputKept(page)
    })

    test('a key without task:write gets a scope banner that says how to fix it', async ({ page, fake }) => {
        await fillRun(page, fake, DEMO_KEYS.readOnly)
        await startRun(page)
        const banner = problem(page, 'PostHog refused the run')
        await expect(banner).toContainText('This API key lacks the task:write scope.')
        await expect(banner).toContainText('Settings → Personal API keys')
        await expect(banner).toContainText('Everything you entered is still here.')
        await expectInputKept(page)
    })

    test('a usage limit shows when it resets', async ({ page, fake }) => {
        await fillRun(page, fake)
        const resetAt = new Date(Date.now() + 3 * 3600_000)
        resetAt.setUTCMilliseconds(0)
        fake.inject(buildUsageLimitRule(resetAt.toISOString()))
        await startRun(page)
        const banner = problem(page, 'Limit reached')
        await expect(banner).toContainText("You've reached your PostHog Desktop usage limit.")
        await expect(banner).toContainText(/It resets in about 3 hours; try again then\./)
        await expect(banner.locator('time')).toHaveAttribute('datetime', resetAt.toISOString())
        await expect(banner).toContainText('Resets at')
        await expectInputKept(page)
        await expectNoAxeViolations(page)
    })

    test('a throttled request says how long to wait', async ({ page, fake }) => {
        await fillRun(page, fake)
        fake.inject({ ...buildThrottledRule(RUN_PATH, 42), method: 'POST' })
        await startRun(page)
        await expect(problem(page, 'Limit reached')).toContainText(
            'PostHog is receiving too many requests from this key. Try again in 42 seconds.'
        )
        await expectInputKept(page)
    })

    test('a warming sandbox asks for one click, and the retry starts the run', async ({ page, fake }) => {
        await fillRun(page, fake)
        // PostHog would accept a plain retry once the sandbox is warm; the browser cannot send the token header.
        fake.inject({ ...buildWarmRunUnavailableRule('warm-token-1'), times: 1 })
        await startRun(page)
        const banner = page.getByRole('status').filter({ hasText: 'The sandbox is warming up' })
        await expect(banner).toContainText('has not started the run yet. Wait a few seconds, then try again.')
        await expectInputKept(page)
        await banner.getByRole('button', { name: 'Try again' }).click()
        await expect(resultPanel(page)).toBeVisible()
        await expect(banner).toHaveCount(0)

        const [first, retry] = runRequests(fake)
        expect(retry).toEqual(first)
        const posts = fake.requests.filter((request) => request.method === 'POST' && RUN_PATH.test(request.path))
        for (const request of posts) expect(request.headers[WARM_RETRY_HEADER]).toBeUndefined()
    })

    test('an HTML error page from a proxy or load balancer reads as a PostHog problem', async ({ page, fake }) => {
        await fillRun(page, fake)
        fake.inject({
            method: 'POST',
            path: RUN_PATH,
            status: 500,
            body: '<!DOCTYPE html><html><body><h1>Server Error (500)</h1></body></html>',
        })
        await startRun(page)
        const banner = problem(page, 'PostHog had a problem')
        await expect(banner).toContainText('status 500')
        await expect(banner).toContainText('Try again in a minute')
        await expect(banner).not.toContainText('<h1>')
        await expectInputKept(page)
    })

    test('a task the key cannot run says so', async ({ page, fake }) => {
        await fillRun(page, fake)
        await page.getByLabel('Task ID').fill('0196a1b2-00ff-7000-8000-000000000999')
        await startRun(page)
        await expect(problem(page, 'Task not found')).toContainText('PostHog could not find it')
        await expect(page.getByLabel(/^Pending user message/)).toHaveValue(MESSAGE)
    })

    test('a network failure after connecting keeps everything, and starting again works', async ({ page, fake }) => {
        await fillRun(page, fake)
        await page.route(`${fake.origin}/api/projects/1/tasks/*/run/`, (route) => route.abort('internetdisconnected'))
        await startRun(page)
        const banner = problem(page, 'Could not reach PostHog')
        await expect(banner).toContainText(`Could not reach PostHog at ${fake.origin}.`)
        await expect(banner).toContainText('Everything you entered is still here.')
        await expectInputKept(page)
        expect(runRequests(fake)).toHaveLength(0)

        await page.unroute(`${fake.origin}/api/projects/1/tasks/*/run/`)
        await startRun(page)
        await expect(resultPanel(page)).toBeVisible()
        await expect(banner).toHaveCount(0)
        expect(runRequests(fake)).toHaveLength(1)
    })
})
