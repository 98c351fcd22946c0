import { expect, test, type Page } from '@playwright/test'

import { expectNoAxeViolations } from './axe.ts'

function previewJson(page: Page) {
    return page.getByTestId('request-preview-json')
}

async function previewBody(page: Page): Promise<unknown> {
    return JSON.parse((await previewJson(page).textContent()) ?? '')
}

test.describe('the schema-driven run form', () => {
    test.beforeEach(async ({ page }) => {
        await page.goto('/')
    })

    test('shows every schema property, grouped, with help text', async ({ page }) => {
        for (const group of [
            'What to run',
            'Prompt',
            'Where it runs',
            'Pull requests',
            'Where it came from',
            'Resume',
        ]) {
            await expect(page.getByRole('group', { name: group })).toBeVisible()
        }
        for (const label of [
            /^Model/,
            /^Reasoning effort/,
            /^Initial permission mode/,
            /^Mode\b(?!l)/,
            /^Runtime adapter/,
            /^Pending user message/,
            /^Pending user artifact IDs/,
            /^Branch/,
            /^Sandbox environment ID/,
            /^PR authorship mode/,
            /^Run source/,
            /^Resume from run ID/,
        ]) {
            await expect(page.getByLabel(label)).toBeVisible()
        }
        await expect(page.getByLabel(/^Mode\b(?!l)/)).toHaveValue('background')
        await expect(page.getByText('The agent works on its own and reports back when it is done.')).toBeVisible()
        await expect(page.getByLabel(/^Runtime adapter/)).toHaveValue('Claude')
        await expect(page.getByLabel(/^Runtime adapter/)).not.toBeEditable()
        await expect(page.getByLabel(/^Branch/)).toHaveAccessibleDescription('Git branch to checkout in the sandbox')

        // The bundled schema is today's run request: its newest fields are there before connecting.
        for (const label of [/^Context window/, /^Custom image ID/, /^Claude model access/]) {
            await expect(page.getByLabel(label)).toBeVisible()
        }
        for (const group of ['Fast mode', 'Auto publish', 'Benjamin enabled', 'RTK enabled']) {
            await expect(page.getByRole('group', { name: group })).toBeVisible()
        }
        await expect(page.getByRole('button', { name: 'Add imported MCP server' })).toBeVisible()
        // What only PostHog Desktop can serve is not offered, with one line saying why.
        await expect(page.getByLabel(/^Relayed MCP servers/)).toHaveAccessibleDescription(
            /^Not offered here: PostHog Desktop relays these servers/
        )
        await expect(page.getByLabel(/^Claude model access/).locator('option')).toHaveText([
            'Not set (PostHog decides)',
            'PostHog gateway',
        ])
    })

    test('the message box shows five lines and can be made taller', async ({ page }) => {
        // Its height is set in CSS (it is a layout boundary), so it must still fit the five rows it had.
        const message = page.getByLabel(/^Pending user message/)
        const lines = await message.evaluate((element) => {
            const style = getComputedStyle(element)
            return element.clientHeight / Number.parseFloat(style.lineHeight)
        })
        expect(lines).toBeGreaterThanOrEqual(5)
        expect(await message.evaluate((element) => getComputedStyle(element).resize)).toBe('vertical')
    })

    test('shows conditional fields only when they apply', async ({ page }) => {
        const signalReport = page.getByLabel(/^Signal report ID/)
        await expect(signalReport).toHaveCount(0)
        await page.getByLabel(/^Run source/).selectOption({ label: 'Signal report' })
        await expect(signalReport).toBeVisible()
        await page.getByLabel(/^Run source/).selectOption({ label: 'Manual' })
        await expect(signalReport).toHaveCount(0)

        const token = page.getByLabel(/^GitHub user token/)
        await expect(token).toHaveCount(0)
        await page.getByLabel(/^PR authorship mode/).selectOption({ label: 'You' })
        await expect(token).toHaveAttribute('type', 'password')
        await token.fill('ghp_example')
        await page.getByRole('button', { name: 'Show GitHub user token' }).click()
        await expect(token).toHaveAttribute('type', 'text')
        await page.getByLabel(/^PR authorship mode/).selectOption({ label: 'PostHog bot' })
        await expect(token).toHaveCount(0)
        await expect(previewJson(page)).not.toContainText('github_user_token')

        const effort = page.getByLabel(/^Reasoning effort/)
        await expect(effort).toHaveValue('Not available')
        await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 4.6 — claude-sonnet-4-6' })
        await expect(effort.locator('option')).toHaveText(['Not set (PostHog decides)', 'Low', 'Medium', 'High'])
        await page.getByLabel(/^Model/).selectOption({ label: 'Claude Opus 4.6 — claude-opus-4-6' })
        await expect(effort.locator('option')).toHaveText([
            'Not set (PostHog decides)',
            'Low',
            'Medium',
            'High',
            'Extra high',
            'Maximum',
        ])

        await page.getByLabel(/^Initial permission mode/).selectOption({ label: 'Bypass permissions' })
        const confirm = page.getByRole('checkbox', { name: /run commands and edit files without asking/ })
        await expect(confirm).toBeVisible()
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(page.getByText('Tick the box to confirm, or choose another mode.')).toBeVisible()
        await confirm.check()
        await expect(page.getByText('Tick the box to confirm, or choose another mode.')).toHaveCount(0)
    })

    test('reports invalid values beside their fields and focuses the first', async ({ page }) => {
        await page.getByLabel(/^Resume from run ID/).fill('not-a-uuid')
        await page.getByLabel(/^Branch/).fill('b'.repeat(256))
        await page.getByRole('button', { name: 'Start run' }).click()

        const model = page.getByLabel(/^Model/)
        await expect(model).toBeFocused()
        await expect(model).toHaveAttribute('aria-invalid', 'true')
        await expect(model).toHaveAccessibleDescription(/Enter a model: it is required\./)
        await expect(page.getByLabel(/^Branch/)).toHaveAccessibleDescription(
            /This can be at most 255 characters; this one has 256\. Shorten it\./
        )
        await expect(page.getByLabel(/^Resume from run ID/)).toHaveAccessibleDescription(/Enter a UUID, like/)
        await expect(page.getByRole('status').filter({ hasText: 'fields need attention' })).toHaveText(
            '3 fields need attention: Model, Branch, Resume from run ID.'
        )

        await page.getByLabel(/^Branch/).fill('main')
        await expect(page.getByLabel(/^Branch/)).toHaveAttribute('aria-invalid', 'false')
    })

    test('previews the exact request body', async ({ page }) => {
        await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 4.6 — claude-sonnet-4-6' })
        await page.getByLabel(/^Reasoning effort/).selectOption({ label: 'High' })
        await page.getByLabel(/^Pending user message/).fill('  Fix the flaky login test.  ')
        await page.getByLabel(/^Pending user artifact IDs/).fill('artifact-1\n\nartifact-2')
        await page.getByLabel(/^Branch/).fill('main')
        await page.getByLabel(/^Run source/).selectOption({ label: 'Signal report' })
        await page.getByLabel(/^Signal report ID/).fill('report-7')
        await page.getByLabel(/^PR authorship mode/).selectOption({ label: 'PostHog bot' })

        await expect
            .poll(() => previewBody(page))
            .toEqual({
                model: 'claude-sonnet-4-6',
                reasoning_effort: 'high',
                mode: 'background',
                runtime_adapter: 'claude',
                pending_user_message: 'Fix the flaky login test.',
                pending_user_artifact_ids: ['artifact-1', 'artifact-2'],
                branch: 'main',
                pr_authorship_mode: 'bot',
                run_source: 'signal_report',
                signal_report_id: 'report-7',
            })

        await page.getByLabel(/^Run source/).selectOption({ label: 'Manual' })
        await expect.poll(() => previewBody(page)).not.toHaveProperty('signal_report_id')
    })

    test('the curl command never shows the token', async ({ page }) => {
        await page.getByLabel(/^PR authorship mode/).selectOption({ label: 'You' })
        await page.getByLabel(/^GitHub user token/).fill('ghp_supersecret')
        await expect(page.getByLabel('curl command')).toContainText('$GITHUB_USER_TOKEN')
        await expect(page.locator('body')).not.toContainText('ghp_supersecret')
    })

    for (const colorScheme of ['light', 'dark'] as const) {
        test(`has no axe violations in ${colorScheme}`, async ({ page }) => {
            await page.emulateMedia({ colorScheme })
            await page.getByLabel(/^PR authorship mode/).selectOption({ label: 'You' })
            await page.getByLabel(/^Run source/).selectOption({ label: 'Signal report' })
            await page.getByLabel(/^Initial permission mode/).selectOption({ label: 'Bypass permissions' })
            await page.getByRole('button', { name: 'Start run' }).click()
            await expect(page.getByLabel(/^Model/)).toBeFocused()
            await expectNoAxeViolations(page)
        })
    }
})
