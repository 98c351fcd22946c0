import { DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import { expectNoAxeViolations } from './axe.ts'
import { expect, runRequests, test, connectToFlakyLoginTask } from './fixtures.ts'

const SONNET = { runtime_adapter: 'claude', model: 'claude-sonnet-4-6', reasoning_effort: 'medium' } as const
const DEFAULT_CHOICE = 'PostHog’s default (Claude Sonnet 4.6 · medium), your saved default'

test.describe('PostHog’s run defaults', () => {
    test.use({ fakeOptions: { runDefaults: { user: SONNET } } })

    test('choose PostHog’s default model: no model, adapter or effort is sent, and the run shows the default', async ({
        page,
        fake,
    }) => {
        await page.goto('/')
        await connectToFlakyLoginTask(page, fake)
        await expect(page.getByLabel('Task ID')).toHaveValue(DEMO_TASK_IDS.flakyLoginTest)

        const model = page.getByLabel(/^Model/)
        const effort = page.getByLabel(/^Reasoning effort/)
        await expect(model.locator('option').first()).toHaveText(DEFAULT_CHOICE)
        // A picked model and effort, then back to PostHog's default: the effort the user picked is not sent.
        await model.selectOption({ label: 'Claude Opus 4.5 — claude-opus-4-5' })
        await effort.selectOption({ label: 'High' })
        await model.selectOption({ label: DEFAULT_CHOICE })
        await expect(page.getByText('PostHog’s default decides this: medium.')).toBeVisible()
        await expect(page.getByText('PostHog’s default decides this: claude.')).toBeVisible()
        await expectNoAxeViolations(page)

        await page.getByLabel(/^Pending user message/).fill('Wait for the session cookie.')
        await page.getByRole('button', { name: 'Start run' }).click()

        const panel = page.getByRole('region', { name: 'Run started' })
        await expect(panel.getByRole('heading', { name: 'Run started' })).toBeFocused()
        expect(runRequests(fake)).toEqual([
            { mode: 'background', pending_user_message: 'Wait for the session cookie.' },
        ])
        await expect(panel).toContainText('claude-sonnet-4-6 · medium effort')
    })
})

test.describe('without a saved default', () => {
    test('the model stays required', async ({ page, fake }) => {
        await page.goto('/')
        await connectToFlakyLoginTask(page, fake)
        const model = page.getByLabel(/^Model/)
        await expect(model.locator('option').first()).toHaveText('Choose a model…')
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(model).toHaveAccessibleDescription(/Enter a model: it is required\./)
        expect(runRequests(fake)).toEqual([])
    })
})
