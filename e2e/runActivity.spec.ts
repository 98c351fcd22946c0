import type { Page } from '@playwright/test'

import { DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { expectNoAxeViolations } from './axe.ts'
import { connect, expect, runRequests, startHeldKeyLauncher, test } from './fixtures.ts'

const LONG = { timeout: 30_000 }
// Statuses that keep a new run in progress for many polls, so it can be cancelled or written to.
const STAYS_RUNNING = {
    runStatusSteps: ['queued', ...Array<'in_progress'>(40).fill('in_progress'), 'completed'],
} as const

function resultPanel(page: Page) {
    return page.getByRole('region', { name: 'Run started' })
}

function activityLog(page: Page) {
    return resultPanel(page).getByRole('log', { name: 'Run activity' })
}

function requestsTo(fake: FakePostHog, pattern: RegExp) {
    return fake.requests.filter(
        (request) => request.method !== 'OPTIONS' && pattern.test(request.path.split('?')[0] ?? '')
    )
}

/** Starts a run of task #1 (opening the app and connecting to `connectTo` first) and returns its result panel. */
async function startRun(
    page: Page,
    options: { connectTo?: FakePostHog; mode?: string; message?: string }
): Promise<ReturnType<typeof resultPanel>> {
    if (options.connectTo) {
        await page.goto('/')
        await connect(page, options.connectTo)
    }
    await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
    await expect(page.getByLabel('Task ID')).toHaveValue(DEMO_TASK_IDS.flakyLoginTest)
    await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 5 — claude-sonnet-5' })
    if (options.mode) await page.getByLabel(/^Mode\b(?!l)/).selectOption(options.mode)
    await page.getByLabel(/^Pending user message/).fill(options.message ?? 'Fix the date parser.')
    await page.getByRole('button', { name: 'Start run' }).click()
    const panel = resultPanel(page)
    await expect(panel.getByRole('heading', { name: 'Run started' })).toBeFocused()
    return panel
}

test.describe('following a run', () => {
    // Each test follows a run of several seconds from start to end.
    test.slow()

    test.describe('live activity through a rotated stream', () => {
        test.use({ fakeOptions: { activity: { stepMs: 300, rotateAfterEntries: [5] } } })

        test('the activity arrives live, the stream is rotated mid-run, and nothing is lost or shown twice', async ({
            page,
            fake,
        }) => {
            const panel = await startRun(page, { connectTo: fake })
            const log = activityLog(page)

            // Live: the first steps show while the run is still going.
            await expect(log.getByText('Starting the sandbox')).toBeVisible()
            await expect(panel.getByText('Live')).toBeVisible()
            await expect(log.getByText('Run the test suite')).toBeVisible()

            // Scrolled off screen, new entries wait (the state of following does not); seen again, they all show.
            await page.evaluate(() => {
                window.scrollTo(0, document.documentElement.scrollHeight)
            })
            await expect(panel.getByRole('status').first()).toHaveText('Completed', LONG)
            await expect(panel.getByText(/^Up to date/)).toBeVisible(LONG)
            await expect(panel.getByText(/· 9 items/)).toHaveCount(0)
            await expect(log.getByText('Turn ended (end_turn)')).toHaveCount(0)
            await log.scrollIntoViewIfNeeded()
            await expect(panel.getByText(/Up to date · 9 items/)).toBeVisible(LONG)
            await expect(log.getByText('Turn ended (end_turn)')).toBeVisible(LONG)

            // The stream was opened again after the rotation, and every entry shows once (12 entries, 9 items).
            expect(requestsTo(fake, /\/runs\/[^/]+\/stream\/?$/).length).toBeGreaterThanOrEqual(2)
            await log.evaluate((element) => {
                element.scrollTop = 0
            })
            await expect(log.getByText('Starting the sandbox')).toHaveCount(1)
            await expect(log.getByText('I will look at the failing test first, then fix the cause.')).toHaveCount(1)

            // Tool calls are folded, with their title and state; output rebuilt from index-keyed strings.
            const tool = log.getByRole('group').filter({ hasText: 'Run the test suite' })
            await expect(tool).toContainText('Done')
            await expect(tool.getByText('FAIL 1')).toHaveCount(0)
            await tool.getByText('Run the test suite').click()
            await expect(tool.getByText('FAIL 1')).toBeVisible()
            await expect(tool.getByText('"command": "npm test -- --run"')).toBeVisible()
            // Text is text: markup in a console line is shown, not rendered.
            await expect(log.getByText('1 test failed: parses <b>dates</b> & times')).toBeVisible()
            await expectNoAxeViolations(page)
        })
    })

    test.describe('a long run', () => {
        test.use({ fakeOptions: { activity: { stepMs: 200, historyEntries: 5000 } } })

        test('5,000 log entries render only what is on screen, scroll, jump to latest, and typing stays quick', async ({
            page,
            fake,
        }) => {
            const panel = await startRun(page, { connectTo: fake })
            const log = activityLog(page)
            await expect(panel.getByText(/· 50\d\d items/)).toBeVisible(LONG)
            // Virtualised: a few dozen rows in the page, not thousands.
            expect(await log.locator('[data-index]').count()).toBeLessThan(60)

            // Scrolling up stops following; "Jump to latest" resumes it.
            await log.hover()
            await page.mouse.wheel(0, -3000)
            const jump = panel.getByRole('button', { name: 'Jump to latest' })
            await expect(jump).toBeVisible()
            await jump.click()
            await expect(jump).toBeHidden()
            await expect(log.getByText('Turn ended (end_turn)')).toBeVisible(LONG)

            // Typing in the form with the panel open: each key's event handling stays well under a frame budget.
            await page.evaluate(() => {
                const durations: number[] = []
                new PerformanceObserver((list) => {
                    for (const entry of list.getEntries()) durations.push(entry.duration)
                }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit)
                Object.assign(window, { keyDurations: durations })
            })
            const message = page.getByLabel(/^Pending user message/)
            await message.click()
            await message.pressSequentially('A follow-up that is typed while five thousand entries sit in the panel.')
            const slowest = await page.evaluate(() => {
                const durations = (window as unknown as { keyDurations: number[] }).keyDurations
                return durations.length === 0 ? 0 : Math.max(...durations)
            })
            expect(slowest).toBeLessThan(200)
        })
    })

    test.describe('cancelling', () => {
        test.use({ fakeOptions: { ...STAYS_RUNNING, activity: { stepMs: 5000 } } })

        test('cancel asks first, takes a reason, reports a workflow PostHog cannot reach, then cancels', async ({
            page,
            fake,
        }) => {
            const panel = await startRun(page, { connectTo: fake })
            await expect(panel.getByRole('status').first()).toHaveText('In progress', LONG)

            await panel.getByRole('button', { name: 'Cancel run' }).click()
            const confirm = panel.getByRole('group', { name: /Cancel this run\?/ })
            await confirm.getByRole('button', { name: 'Keep it running' }).click()
            await expect(confirm).toBeHidden()
            expect(requestsTo(fake, /\/cancel\/?$/)).toEqual([])

            fake.inject({
                method: 'POST',
                path: /\/cancel\/?$/,
                status: 503,
                body: { error: "Could not reach the run's workflow; try again" },
            })
            await panel.getByRole('button', { name: 'Cancel run' }).click()
            await confirm.getByLabel('Reason (optional)').fill('Wrong branch')
            await confirm.getByRole('button', { name: 'Yes, cancel the run' }).click()
            await expect(panel.getByRole('alert')).toContainText('could not reach the run’s workflow')

            await panel.getByRole('button', { name: 'Try cancelling again' }).click()
            await expect(panel.getByText('Cancelled: PostHog is stopping the run.')).toBeVisible()
            await expect(panel.getByRole('status').first()).toHaveText('Cancelled')
            const bodies = requestsTo(fake, /\/cancel\/?$/).map((request) => request.json)
            expect(bodies).toEqual([{ reason: 'Wrong branch' }, { reason: 'Wrong branch' }])
            await expect(activityLog(page).getByText('Cancel requested')).toBeVisible(LONG)
            await expect(panel.getByRole('button', { name: 'Cancel run' })).toBeHidden()
            await expectNoAxeViolations(page)
        })

        test('a run that ended meanwhile is reported as already finished', async ({ page, fake }) => {
            const panel = await startRun(page, { connectTo: fake })
            await expect(panel.getByRole('status').first()).toHaveText('In progress', LONG)
            const run = fake.state.runs.at(-1)
            fake.inject({
                method: 'POST',
                path: /\/cancel\/?$/,
                status: 200,
                body: { id: run?.id, task: run?.task, status: 'completed' },
            })
            await panel.getByRole('button', { name: 'Cancel run' }).click()
            await panel.getByRole('button', { name: 'Yes, cancel the run' }).click()
            await expect(panel.getByText('The run had already finished; nothing was cancelled.')).toBeVisible()
            await expect(panel.getByRole('status').first()).toHaveText('Completed')
        })
    })

    test.describe('talking to a run', () => {
        test.use({ fakeOptions: { ...STAYS_RUNNING, activity: { stepMs: 400 } } })

        test('a message reaches a running interactive run and shows in its activity', async ({ page, fake }) => {
            const panel = await startRun(page, { connectTo: fake, mode: 'interactive' })
            const box = panel.getByLabel('Message to the run')
            await expect(box).toBeVisible(LONG)
            await box.fill('Please also update the changelog.')
            await panel.getByRole('button', { name: 'Send message' }).click()
            await expect(box).toHaveValue('')
            const log = activityLog(page)
            await expect(log.getByText('Please also update the changelog.', { exact: true })).toBeVisible()
            await expect(log.getByText('Noted: Please also update the changelog.')).toBeVisible(LONG)
            // Shown once: the run's own log brought it back and replaced the local copy.
            await expect(log.getByText('Please also update the changelog.', { exact: true })).toHaveCount(1)
            const commands = requestsTo(fake, /\/command\/?$/).map((request) => request.json)
            expect(commands).toEqual([
                {
                    jsonrpc: '2.0',
                    method: 'user_message',
                    params: { content: 'Please also update the changelog.' },
                    id: expect.any(String),
                },
            ])
            await expectNoAxeViolations(page)
        })
    })

    test.describe('continuing a run', () => {
        test.use({ fakeOptions: { activity: { stepMs: 100 } } })

        test('"Continue this run" fills the form with the run and focuses the message; the follow-up starts a new run', async ({
            page,
            fake,
        }) => {
            const panel = await startRun(page, { connectTo: fake })
            await expect(panel.getByRole('status').first()).toHaveText('Completed', LONG)
            const firstRun = fake.state.runs.at(-1)?.id
            await panel.getByRole('button', { name: 'Continue this run' }).click()
            const message = page.getByLabel(/^Pending user message/)
            await expect(message).toBeFocused()
            await expect(page.getByLabel(/^Resume from run ID/)).toHaveValue(firstRun ?? '')
            await message.fill('Now add a test for time zones.')
            await page.getByRole('button', { name: 'Start run' }).click()
            await expect.poll(() => runRequests(fake).length).toBe(2)
            expect(runRequests(fake)[1]).toMatchObject({
                resume_from_run_id: firstRun,
                pending_user_message: 'Now add a test for time zones.',
            })
            await expect(resultPanel(page).getByText(fake.state.runs.at(-1)?.id ?? '-')).toBeVisible()
        })
    })

    test.describe('server-held key mode', () => {
        test.use({ fakeOptions: { ...STAYS_RUNNING, activity: { stepMs: 300 } } })

        test('the activity comes through the proxy, and the operator can switch cancel and messages off', async ({
            page,
            fake,
        }) => {
            const launcher = await startHeldKeyLauncher(fake, {
                PROXY_ALLOW_RUN_CANCEL: 'false',
                PROXY_ALLOW_RUN_MESSAGES: 'false',
            })
            try {
                await page.goto(launcher.origin)
                const panel = await startRun(page, { mode: 'interactive' })
                await expect(activityLog(page).getByText('Turn ended (end_turn)')).toBeVisible(LONG)
                await expect(panel.getByRole('status').first()).toHaveText('In progress')
                await expect(panel.getByRole('button', { name: 'Cancel run' })).toHaveCount(0)
                await expect(panel.getByLabel('Message to the run')).toHaveCount(0)
                expect(launcher.logs.some((line) => /^proxy GET \S+\/stream\/ 200/.test(line))).toBe(true)
            } finally {
                await page.close()
                await launcher.close()
            }
        })
    })
})
