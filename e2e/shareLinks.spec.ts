import { expect, test, type Page } from '@playwright/test'

import { openConnection } from './fixtures.ts'

const REPORT_ID = 'report-42'
const TASK_ID = '0196a1b2-0001-7000-8000-000000000001'

async function previewBody(page: Page): Promise<unknown> {
    return JSON.parse((await page.getByTestId('request-preview-json').textContent()) ?? '')
}

test.describe('prefilled links and drafts', () => {
    test('a prefilled link sets the fields, conditional ones included', async ({ page }) => {
        await page.goto(
            `/?model=claude-opus-4-6&reasoning_effort=max&branch=release%2F1.2&run_source=signal_report&signal_report_id=${REPORT_ID}` +
                '&pending_user_artifact_ids=a1&pending_user_artifact_ids=a2&project_id=1'
        )
        await expect(page.getByLabel(/^Model/)).toHaveValue('claude-opus-4-6')
        await expect(page.getByLabel(/^Reasoning effort/)).toHaveValue('max')
        await expect(page.getByLabel(/^Branch/)).toHaveValue('release/1.2')
        await expect(page.getByLabel(/^Signal report ID/)).toHaveValue(REPORT_ID)
        await expect(page.getByLabel(/^Pending user artifact IDs/)).toHaveValue('a1\na2')
        // A first visit connects on demand; the link's target is said at once and lands in the connection panel.
        await expect(page.getByText('This link starts a run in project 1.')).toBeVisible()
        await openConnection(page)
        await expect(page.getByLabel('Project ID')).toHaveValue('1')
        await expect(page.getByText('Some values from the link were not used')).toHaveCount(0)
    })

    test('bad values are listed and the valid ones still apply', async ({ page }) => {
        await page.goto(
            `/?mode=turbo&resume_from_run_id=run-7&branch=${'b'.repeat(300)}&colour=blue&model=claude-sonnet-5`
        )
        const notice = page.getByRole('status').filter({ hasText: 'Some values from the link were not used' })
        await expect(notice).toContainText('mode: "turbo" is not one of the allowed values (interactive, background).')
        await expect(notice).toContainText('resume_from_run_id: "run-7" is not a UUID')
        await expect(notice).toContainText('branch: too long (300 characters; at most 255).')
        await expect(notice).toContainText('colour: unknown parameter')
        await expect(page.getByLabel(/^Model/)).toHaveValue('claude-sonnet-5')
        await expect(page.getByLabel(/^Mode\b(?!l)/)).toHaveValue('background')
    })

    test('a link carrying secrets is stripped from the address bar and the secrets are not used', async ({ page }) => {
        await page.goto(
            '/?model=claude-sonnet-5&pr_authorship_mode=user&github_user_token=ghp_leakedtoken123&api_key=phx_leaked'
        )
        await expect(page).not.toHaveURL(/ghp_leakedtoken123|phx_leaked|github_user_token|api_key/)
        await expect(page).toHaveURL(/model=claude-sonnet-5/)
        await expect(page.getByLabel(/^GitHub user token/)).toHaveValue('')
        await expect(page.getByLabel('Personal API key')).toHaveValue('')
        await expect(
            page.getByText(/carried a key or token\. It was not used and was removed from the address bar/)
        ).toBeVisible()
        await expect(page.locator('body')).not.toContainText('ghp_leakedtoken123')
    })

    for (const mode of ['query', 'fragment'] as const) {
        test(`a copied share link (${mode}) opens in a new page to the same state`, async ({ page, context }) => {
            await page.goto('/')
            await page.getByLabel(/^Model/).selectOption('claude-sonnet-4-6')
            await page.getByLabel(/^Reasoning effort/).selectOption('medium')
            await page.getByLabel(/^Pending user message/).fill('Ship the CSV export, carefully & quickly?')
            await page.getByLabel(/^Run source/).selectOption('signal_report')
            await page.getByLabel(/^Signal report ID/).fill(REPORT_ID)
            await page.getByLabel(/^PR authorship mode/).selectOption('bot')
            // The preview catches up once typing pauses.
            await expect.poll(() => previewBody(page)).toMatchObject({ pr_authorship_mode: 'bot' })
            const expected = await previewBody(page)

            await page.getByText('Share a prefilled link').click()
            if (mode === 'fragment') await page.getByRole('radio', { name: /In the fragment/ }).check()
            await page.getByRole('button', { name: 'Copy share link' }).click()
            const link = await page.getByLabel('Share link').inputValue()
            expect(link.includes('#')).toBe(mode === 'fragment')
            await expect(page.getByText(/It sets: /)).toContainText('model')

            const opened = await context.newPage()
            await opened.goto(link)
            await expect(opened.getByLabel(/^Signal report ID/)).toHaveValue(REPORT_ID)
            await expect.poll(() => previewBody(opened)).toEqual(expected)
        })
    }

    test('locked fields cannot be changed by whoever opens the link', async ({ page }) => {
        await page.goto('/?model=claude-opus-4-5&branch=main&lock=model,branch')
        await expect(page.getByLabel(/^Model/)).toHaveAttribute('readonly')
        await expect(page.getByLabel(/^Model/)).toHaveValue('claude-opus-4-5')
        await expect(page.getByLabel(/^Branch/)).toHaveAttribute('readonly')
        await page.getByLabel(/^Branch/).press('End')
        await page.keyboard.type('-changed')
        await expect(page.getByLabel(/^Branch/)).toHaveValue('main')
        await expect.poll(() => previewBody(page)).toMatchObject({ model: 'claude-opus-4-5', branch: 'main' })
        await page.getByLabel(/^Pending user message/).fill('still editable')
        await expect.poll(() => previewBody(page)).toMatchObject({ pending_user_message: 'still editable' })
    })

    test('a draft is offered after a reload and restores what was typed', async ({ page }) => {
        await page.goto('/')
        await openConnection(page)
        await page.getByLabel('Project ID').fill('1')
        await page.getByLabel('Task ID').fill(TASK_ID)
        await page.getByLabel(/^Branch/).fill('draft-branch')
        await page.getByLabel(/^Pending user message/).fill('Half-written thought')
        await expect
            .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('draft')).length))
            .toBe(1)
        const stored = await page.evaluate(() => JSON.stringify(localStorage))
        expect(stored).toContain('Half-written thought')

        await page.reload()
        await page.getByLabel('Project ID').fill('1')
        await page.getByLabel('Task ID').fill(TASK_ID)
        await expect(page.getByLabel(/^Branch/)).toHaveValue('')
        await page.getByRole('button', { name: 'Restore draft' }).click()
        await expect(page.getByLabel(/^Branch/)).toHaveValue('draft-branch')
        await expect(page.getByLabel(/^Pending user message/)).toHaveValue('Half-written thought')

        await page.reload()
        await page.getByLabel('Project ID').fill('1')
        await page.getByLabel('Task ID').fill(TASK_ID)
        await page.getByRole('button', { name: 'Discard' }).click()
        await expect(page.getByRole('button', { name: 'Restore draft' })).toHaveCount(0)
        await expect
            .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('draft')).length))
            .toBe(0)
    })

    test('a draft never stores the GitHub token', async ({ page }) => {
        await page.goto('/?project_id=1')
        await openConnection(page)
        await page.getByLabel('Task ID').fill(TASK_ID)
        await page.getByLabel(/^PR authorship mode/).selectOption('user')
        await page.getByLabel(/^GitHub user token/).fill('ghp_neverstored')
        await page.getByLabel(/^Branch/).fill('b')
        await expect
            .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('draft')).length))
            .toBe(1)
        expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).not.toContain(
            'ghp_neverstored'
        )
    })

    test('a link naming its task keeps a draft before connecting, offered on the next visit only', async ({ page }) => {
        await page.goto(`/?host=https%3A%2F%2Feu.posthog.com&project_id=1&task_id=${TASK_ID}`)
        await expect(page.getByRole('button', { name: 'Connect to PostHog' })).toBeVisible()
        await page.getByLabel(/^Pending user message/).fill('Typed before connecting')
        await expect
            .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('draft')).length))
            .toBe(1)
        // This page's own draft does not make it a returning visit: connecting stays the user's call.
        await expect(page.getByRole('button', { name: 'Connect to PostHog' })).toBeVisible()
        // Connecting in the same visit does not offer back the work already in the form.
        await openConnection(page)
        await expect(page.getByLabel('Task ID')).toHaveValue(TASK_ID)
        await expect(page.getByRole('button', { name: 'Restore draft' })).toHaveCount(0)

        await page.reload()
        await page.getByRole('button', { name: 'Restore draft' }).click()
        await expect(page.getByLabel(/^Pending user message/)).toHaveValue('Typed before connecting')
    })
})
