import type { Page } from '@playwright/test'

import type { FakeTask } from '../fake-posthog/fakeEntities.ts'
import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { DEMO_KEYS, DEMO_RUN_IDS, DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import { expectNoAxeViolations } from './axe.ts'
import { connect, expect, runRequests, test } from './fixtures.ts'

// Three polls of the run (queued → in progress → done), each RUN_POLL_INTERVAL_MS apart.
const UNTIL_DONE = { timeout: 20_000 }
const SEEDED_RUNS: ReadonlySet<string> = new Set(Object.values(DEMO_RUN_IDS))

async function previewBody(page: Page): Promise<unknown> {
    return JSON.parse((await page.getByTestId('request-preview-json').textContent()) ?? '')
}

/** The run the app just started, as the fake recorded it. */
function newRunIds(fake: FakePostHog): string[] {
    return fake.state.runs.filter((run) => !SEEDED_RUNS.has(run.id)).map((run) => run.id)
}

function resultPanel(page: Page) {
    return page.getByRole('region', { name: 'Run started' })
}

test.describe('starting a run', () => {
    test.beforeEach(async ({ page, fake }) => {
        await page.goto('/')
        await connect(page, fake)
    })

    test('pick a task and a previous run, choose a model and effort, start it and follow it to the end', async ({
        page,
        fake,
    }) => {
        await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
        await expect(page.getByLabel('Task ID')).toHaveValue(DEMO_TASK_IDS.flakyLoginTest)

        // The task's previous runs, newest first, each with status, date, branch and model.
        const resume = page.getByLabel(/^Resume from run ID/)
        await expect(resume.locator('option')).toHaveText([
            'Start fresh (do not resume)',
            /^Completed · .+ — fix\/flaky-login-test · claude-sonnet-5$/,
            /^Failed · .+ — main · claude-opus-4-5$/,
            /^Cancelled · .+ — main · claude-sonnet-4-6$/,
        ])
        await resume.selectOption(DEMO_RUN_IDS.flakyLoginCompleted)

        // Models come from the project (Codex models are left out); each offers only its own efforts.
        const model = page.getByLabel(/^Model/)
        const effort = page.getByLabel(/^Reasoning effort/)
        await expect(model.locator('option', { hasText: 'GPT-5' })).toHaveCount(0)
        await model.selectOption({ label: 'Kimi K3 — moonshotai/kimi-k3' })
        await expect(effort).toHaveValue('Not available')
        await model.selectOption({ label: 'GLM 5.2 — @cf/zai-org/glm-5.2' })
        await expect(effort.locator('option')).toHaveText(['Not set (PostHog decides)', 'High', 'Maximum'])
        await model.selectOption({ label: 'Claude Sonnet 4.6 — claude-sonnet-4-6' })
        await expect(effort.locator('option')).toHaveText(['Not set (PostHog decides)', 'Low', 'Medium', 'High'])
        await effort.selectOption({ label: 'High' })

        await page.getByLabel(/^Pending user message/).fill('  Make the login test wait for the session cookie.  ')
        await page.getByLabel(/^Branch/).fill('fix/flaky-login-test')
        const expected = {
            model: 'claude-sonnet-4-6',
            reasoning_effort: 'high',
            mode: 'background',
            runtime_adapter: 'claude',
            pending_user_message: 'Make the login test wait for the session cookie.',
            branch: 'fix/flaky-login-test',
            resume_from_run_id: DEMO_RUN_IDS.flakyLoginCompleted,
        }
        await expect.poll(() => previewBody(page)).toEqual(expected)
        const preview = await previewBody(page)

        await page.getByRole('button', { name: 'Start run' }).click()

        const panel = resultPanel(page)
        await expect(panel.getByRole('heading', { name: 'Run started' })).toBeFocused()
        // The body PostHog received is exactly the preview.
        expect(runRequests(fake)).toEqual([preview])
        const [runId] = newRunIds(fake)
        if (runId === undefined) throw new Error('the fake started no run')

        await expect(panel).toContainText('Fix flaky login test')
        await expect(panel).toContainText(runId)
        const status = panel.getByRole('status')
        await expect(status).toHaveText(/Queued|In progress/)
        await expect(resume.locator('option')).toHaveCount(4)
        await expect(status).toHaveText('Completed', UNTIL_DONE)
        // Once finished, the new run can be resumed too.
        await expect(resume.locator('option').nth(1)).toHaveAttribute('value', runId)
        await expect(panel).not.toContainText('updates every few seconds')
        await expect(panel).toContainText('fix/flaky-login-test')
        await expect(panel).toContainText('claude-sonnet-4-6 · high effort')
        await expect(panel.getByRole('link', { name: 'Open in PostHog' })).toHaveAttribute(
            'href',
            `${fake.origin}/project/1/tasks/${DEMO_TASK_IDS.flakyLoginTest}?runId=${runId}`
        )
        await expect(panel.getByRole('link', { name: 'Open pull request' })).toHaveAttribute(
            'href',
            'https://github.com/acme/web-app/pull/1001'
        )

        // Polling stops at the terminal status.
        const polls = () => fake.requests.filter((request) => request.path.includes(`/runs/${runId}/`)).length
        const settled = polls()
        await page.getByRole('button', { name: 'Start another run' }).click()
        await expect(panel).toHaveCount(0)
        expect(polls()).toBe(settled)

        // Recent runs reopen the result, without secrets.
        await page.getByRole('button', { name: 'Fix flaky login test' }).click()
        await expect(resultPanel(page).getByRole('status')).toHaveText('Completed')
        const history = await page.evaluate(() => JSON.stringify(Object.entries(window.localStorage)))
        expect(history).toContain(runId)
        expect(history).not.toContain(DEMO_KEYS.full)
        expect(history).not.toContain('session cookie')

        // After a reload the key is gone (kept only while the page was open): the result says how to follow it.
        await page.reload()
        await page.getByRole('button', { name: 'Fix flaky login test' }).click()
        const reopened = resultPanel(page)
        await expect(reopened.getByRole('status')).toHaveText('Not followed')
        await expect(reopened).toContainText(`connect to project 1 on ${fake.origin} to follow it here`)
        await expect(reopened.getByRole('link', { name: 'Open in PostHog' })).toHaveAttribute(
            'href',
            `${fake.origin}/project/1/tasks/${DEMO_TASK_IDS.flakyLoginTest}?runId=${runId}`
        )
    })

    test('only finished runs are offered for resuming', async ({ page }) => {
        await page.getByRole('radio', { name: /#4 Investigate slow funnel queries/ }).check()
        await expect(page.getByText('This task has no finished runs to resume yet: it starts fresh.')).toBeVisible()
        await page.getByRole('radio', { name: /#2 Add CSV export to insights/ }).check()
        await expect(page.getByLabel(/^Resume from run ID/).locator('option')).toHaveText([
            'Start fresh (do not resume)',
            /^Completed · .+ — main · claude-opus-4-5$/,
        ])
    })

    test('the button shows progress and cannot start the run twice', async ({ page, fake }) => {
        await page.getByRole('radio', { name: /#2 Add CSV export to insights/ }).check()
        await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 5 — claude-sonnet-5' })
        // Hold the answer back until the test has seen the busy button.
        let release: () => void = () => undefined
        const held = new Promise<void>((resolve) => {
            release = resolve
        })
        await page.route(`${fake.origin}/api/projects/1/tasks/*/run/`, async (route) => {
            if (route.request().method() === 'POST') await held
            await route.continue()
        })
        const start = page.getByRole('button', { name: 'Start run' })
        await start.click()
        const busy = page.getByRole('button', { name: 'Starting…' })
        await expect(busy).toBeDisabled()
        await busy.click({ force: true })
        await page.getByLabel(/^Branch/).press('Enter')
        release()
        await expect(resultPanel(page)).toBeVisible()
        expect(runRequests(fake)).toHaveLength(1)
    })

    test('a pasted task ID runs without picking from the list', async ({ page, fake }) => {
        await page.getByLabel('Task ID').fill(` ${DEMO_TASK_IDS.darkMode} `)
        await page.getByLabel(/^Model/).selectOption({ label: 'Claude Opus 5 — claude-opus-5' })
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(resultPanel(page)).toContainText('Add dark mode to settings page')
        const started = fake.requests.filter(
            (entry) => entry.method === 'POST' && entry.path === `/api/projects/1/tasks/${DEMO_TASK_IDS.darkMode}/run/`
        )
        expect(started).toHaveLength(1)
    })

    test('asks for a task before starting', async ({ page, fake }) => {
        await page.getByLabel(/^Model/).selectOption({ label: 'Claude Opus 5 — claude-opus-5' })
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(page.getByRole('alert').filter({ hasText: 'Choose a task' })).toBeVisible()
        expect(runRequests(fake)).toHaveLength(0)
        await page.getByRole('radio', { name: /#5 Document the feature flag rollout API/ }).check()
        await expect(page.getByRole('alert').filter({ hasText: 'Choose a task' })).toHaveCount(0)
    })

    test('the connected form with a finished run has no axe violations', async ({ page }) => {
        await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
        await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 5 — claude-sonnet-5' })
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(resultPanel(page).getByRole('status')).toHaveText('Completed', UNTIL_DONE)
        await expectNoAxeViolations(page)
    })
})

test.describe('the task list', () => {
    test('searches and pages through the tasks', async ({ page, fake }) => {
        const template = fake.state.tasks.find((task) => task.id === DEMO_TASK_IDS.reactUpgrade)
        if (template === undefined) throw new Error('seed task missing')
        for (let index = 0; index < 30; index++) {
            const task: FakeTask = {
                ...template,
                id: `0196a1b2-00ff-7000-8000-${String(index).padStart(12, '0')}`,
                task_number: 100 + index,
                title: `Chore ${String(index + 1)}`,
                created_at: `2026-06-01T00:00:${String(index).padStart(2, '0')}.000000Z`,
            }
            fake.state.tasks.push(task)
        }
        await page.goto('/')
        await connect(page, fake)
        const options = page.getByRole('group', { name: 'Tasks' }).getByRole('radio')
        await expect(options).toHaveCount(25)
        await page.getByRole('button', { name: 'Show more tasks' }).click()
        await expect(options).toHaveCount(38)
        await expect(page.getByRole('button', { name: 'Show more tasks' })).toHaveCount(0)

        await page.getByLabel('Search tasks').fill('funnel')
        await expect(options).toHaveCount(1)
        await expect(options).toHaveAccessibleName(/#4 Investigate slow funnel queries/)
        await page.getByLabel('Search tasks').fill('no such thing')
        await expect(page.getByText('No tasks match “no such thing”.')).toBeVisible()
    })
})

test.describe('models the project lists', () => {
    test.use({
        fakeOptions: {
            models: [
                {
                    runtime_adapter: 'claude',
                    model: 'claude-lab-1',
                    display_name: 'Claude Lab 1',
                    supported_efforts: ['low', 'max'],
                },
                { runtime_adapter: 'codex', model: 'gpt-lab', display_name: 'GPT Lab', supported_efforts: ['low'] },
            ],
        },
    })

    test('replace the bundled table, Claude only, with their own efforts', async ({ page, fake }) => {
        await page.goto('/')
        await connect(page, fake)
        const model = page.getByLabel(/^Model/)
        await expect(model.locator('option')).toHaveText(['Choose a model…', 'Claude Lab 1 — claude-lab-1'])
        await model.selectOption({ label: 'Claude Lab 1 — claude-lab-1' })
        await expect(page.getByLabel(/^Reasoning effort/).locator('option')).toHaveText([
            'Not set (PostHog decides)',
            'Low',
            'Maximum',
        ])
    })
})

for (const models of ['missing', 'empty'] as const) {
    test.describe(`when the models endpoint is ${models}`, () => {
        test.use({ fakeOptions: { models } })

        test('the bundled models are offered', async ({ page, fake }) => {
            await page.goto('/')
            await connect(page, fake)
            const model = page.getByLabel(/^Model/)
            // the placeholder and the 14 models of the bundled catalogue
            await expect(model.locator('option')).toHaveCount(15)
            await model.selectOption({ label: 'Claude Opus 4.5 — claude-opus-4-5' })
            await expect(page.getByLabel(/^Reasoning effort/).locator('option')).toHaveText([
                'Not set (PostHog decides)',
                'Low',
                'Medium',
                'High',
            ])
        })
    })
}

test.describe('a run that fails', () => {
    test.use({ fakeOptions: { finalStatus: 'failed' } })

    test('shows the failure and PostHog’s reason', async ({ page, fake }) => {
        await page.goto('/')
        await connect(page, fake, { apiKey: DEMO_KEYS.tasksOnly })
        await page.getByRole('radio', { name: /#6 Remove dead code in billing module/ }).check()
        await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 5 — claude-sonnet-5' })
        await page.getByRole('button', { name: 'Start run' }).click()
        const panel = resultPanel(page)
        await expect(panel.getByRole('status')).toHaveText('Failed', UNTIL_DONE)
        await expect(panel).toContainText('The run failed: The agent exited with an error')
        await expect(panel.getByRole('link', { name: 'Open pull request' })).toHaveCount(0)
    })
})
