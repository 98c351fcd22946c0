import type { Page } from '@playwright/test'

import { buildExtendedSchemaDocument, buildNewerSchemaDocument } from '../fake-posthog/extendedSchemaDocument.ts'
import { DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import { expectNoAxeViolations } from './axe.ts'
import { connect, expect, openConnection, runRequests, startHeldKeyLauncher, test } from './fixtures.ts'

// today's 23 fields, bundled with the app, plus the two of a newer PostHog (auto_merge, pr_title_prefix)
const LIVE_STATUS = 'Using PostHog’s live run schema (25 fields).'

async function previewBody(page: Page): Promise<unknown> {
    return JSON.parse((await page.getByTestId('request-preview-json').textContent()) ?? '')
}

function booleanChoice(page: Page, field: string, choice: 'PostHog default' | 'Yes' | 'No') {
    return page.getByRole('group', { name: field }).getByRole('radio', { name: choice })
}

function linkNotice(page: Page) {
    return page.getByRole('status').filter({ hasText: 'Some values from the link were not used' })
}

/** Today's document plus constructs this form cannot render, and one new plain field it can. */
function documentWithUnsupportedParts() {
    const document = buildExtendedSchemaDocument()
    const schema = document.components.schemas.ClaudeTaskRunCreateSchema
    schema.properties = {
        ...schema.properties,
        ...{
            pr_title_prefix: { type: 'string', maxLength: 20, description: 'Put in front of the pull request title.' },
            max_turns: { type: 'integer', minimum: 1, description: 'Stop after this many agent turns.' },
            env: { type: 'object', additionalProperties: { type: 'string' } },
        },
    }
    return document
}

test.describe('with a newer PostHog schema', () => {
    test.use({ fakeOptions: { schemaDocument: buildNewerSchemaDocument() } })

    test('new fields appear once connected, are validated and sent', async ({ page, fake }) => {
        await page.goto('/')
        await openConnection(page)
        await expect(page.getByRole('status').filter({ hasText: 'Using the bundled run schema' })).toHaveText(
            'Using the bundled run schema: connect to PostHog to load its live run schema.'
        )
        // The bundled schema is today's: its newest fields are there before connecting, the newer ones are not.
        await expect(booleanChoice(page, 'Auto publish', 'PostHog default')).toBeChecked()
        await expect(page.getByRole('group', { name: 'Auto merge' })).toHaveCount(0)

        await connect(page, fake)
        await expect(page.getByText(LIVE_STATUS)).toBeVisible()
        const schemaCalls = fake.requests.filter((request) => request.path.startsWith('/api/schema/'))
        expect(schemaCalls.map((request) => request.path)).toEqual(['/api/schema/?format=json'])
        expect(schemaCalls[0]?.headers['authorization']).toBeUndefined()

        await expect(booleanChoice(page, 'Auto merge', 'PostHog default')).toBeChecked()
        await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
        await page.getByLabel(/^Model/).selectOption('claude-opus-4-7')
        await page.getByLabel(/^Reasoning effort/).selectOption('ultracode')
        await booleanChoice(page, 'Auto merge', 'Yes').check()

        // A new field's schema limit is enforced like the bundled ones, before anything is sent.
        const prefix = page.getByLabel(/^PR title prefix/)
        await prefix.fill('x'.repeat(21))
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(prefix).toHaveAttribute('aria-invalid', 'true')
        await expect(page.getByText('1 field needs attention: PR title prefix.')).toBeVisible()
        expect(runRequests(fake)).toEqual([])

        await prefix.fill('[ops]')
        const expected = {
            mode: 'background',
            runtime_adapter: 'claude',
            model: 'claude-opus-4-7',
            reasoning_effort: 'ultracode',
            auto_merge: true,
            pr_title_prefix: '[ops]',
        }
        await expect.poll(() => previewBody(page)).toEqual(expected)
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(page.getByRole('heading', { name: 'Run started' })).toBeVisible()
        expect(runRequests(fake)).toEqual([expected])
    })

    test('a link prefills fields only the live schema has, and what was typed survives the switch', async ({
        page,
        fake,
    }) => {
        await page.goto('/?auto_merge=true&pr_title_prefix=%5Bops%5D&model=claude-opus-4-7&reasoning_effort=ultracode')
        // Before connecting, the bundled schema cannot place them yet, and says they may still apply.
        await expect(linkNotice(page)).toContainText(
            'auto_merge: unknown parameter; this form has no field by that name. PostHog’s live run schema may have it: it applies once you are connected.'
        )
        await expect(linkNotice(page)).toContainText('pr_title_prefix: unknown parameter')
        await expect(page.getByLabel(/^Reasoning effort/)).toHaveValue('ultracode')
        await page.getByLabel(/^Branch/).fill('typed/before-connecting')
        await page.getByLabel(/^Pending user message/).fill('Typed before the live schema arrived.')
        await page.getByLabel(/^PR authorship mode/).selectOption('user')
        await page.getByLabel(/^GitHub user token/).fill('ghp_typedByTheUser123')

        await connect(page, fake)
        await expect(page.getByText(LIVE_STATUS)).toBeVisible()
        await expect(booleanChoice(page, 'Auto merge', 'Yes')).toBeChecked()
        await expect(page.getByLabel(/^PR title prefix/)).toHaveValue('[ops]')
        await expect(page.getByLabel(/^Reasoning effort/)).toHaveValue('ultracode')
        await expect(page.getByLabel(/^Branch/)).toHaveValue('typed/before-connecting')
        await expect(page.getByLabel(/^Pending user message/)).toHaveValue('Typed before the live schema arrived.')
        await expect(page.getByLabel(/^GitHub user token/)).toHaveValue('ghp_typedByTheUser123')
        await expect(linkNotice(page)).toHaveCount(0)
        await expect
            .poll(() => previewBody(page))
            .toMatchObject({ auto_merge: true, pr_title_prefix: '[ops]', reasoning_effort: 'ultracode' })

        // Changing the key disconnects; the live fields stay, with what the user chose.
        await booleanChoice(page, 'Auto merge', 'No').check()
        await page.getByRole('button', { name: 'Change connection' }).click()
        await page.getByLabel('Personal API key').fill('phx_demo_tasks')
        await expect(page.getByText(/^Connected to/)).toHaveCount(0)
        await expect(booleanChoice(page, 'Auto merge', 'No')).toBeChecked()
    })

    test('typing in the form when the live schema lands keeps the focus and every character', async ({
        page,
        fake,
    }) => {
        let release: () => void = () => undefined
        const held = new Promise<void>((resolve) => {
            release = resolve
        })
        await page.route(`${fake.origin}/api/schema/**`, async (route) => {
            await held
            await route.continue()
        })
        await page.goto('/')
        await connect(page, fake)
        const message = page.getByLabel(/^Pending user message/)
        await message.click()
        await page.keyboard.type('Started before')
        await expect(
            page.getByText('Using the bundled run schema: PostHog’s live run schema is loading.')
        ).toBeVisible()

        release()
        await expect(page.getByText(LIVE_STATUS)).toBeVisible()
        await expect(message).toBeFocused()
        await page.keyboard.type(' and finished after.')
        await expect(message).toHaveValue('Started before and finished after.')
    })

    test('a draft keeps the live fields it was saved with', async ({ page, fake }) => {
        await page.goto('/')
        await connect(page, fake)
        await expect(page.getByText(LIVE_STATUS)).toBeVisible()
        await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
        await page.getByLabel(/^PR title prefix/).fill('[draft]')
        await booleanChoice(page, 'Auto merge', 'No').check()
        await expect
            .poll(() => page.evaluate(() => Object.keys(window.localStorage).some((key) => key.includes(':draft:'))))
            .toBe(true)

        // The task comes from the link, so the draft is looked up before the live schema is there.
        await page.goto(`/?task_id=${DEMO_TASK_IDS.flakyLoginTest}`)
        await expect(page.getByText('Using the bundled run schema: connect to PostHog')).toBeVisible()
        await connect(page, fake)
        await expect(page.getByText(LIVE_STATUS)).toBeVisible()
        await page.getByRole('button', { name: 'Restore draft' }).click()
        await expect(page.getByLabel(/^PR title prefix/)).toHaveValue('[draft]')
        await expect(booleanChoice(page, 'Auto merge', 'No')).toBeChecked()
    })
})

test.describe('with parts of the live schema this form cannot render', () => {
    test.use({ fakeOptions: { schemaDocument: documentWithUnsupportedParts() } })

    test('lists them in a notice, renders the rest, and passes axe', async ({ page, fake }) => {
        await page.goto('/')
        await connect(page, fake)
        const notice = page.getByRole('status').filter({ hasText: 'Using PostHog’s live run schema (24 fields)' })
        await expect(notice).toContainText('This form could not use 2 parts of it.')
        await notice.getByText('Show what this form could not use (2)').click()
        await expect(notice.getByRole('listitem')).toHaveText([
            'properties/max_turns/minimum: The keyword "minimum" is not supported by this form.',
            'properties/env/additionalProperties: The keyword "additionalProperties" is not supported by this form.',
        ])

        // A plain new field needs no code change, and its schema limit is enforced.
        const prefix = page.getByRole('group', { name: 'More options' }).getByLabel(/^PR title prefix/)
        await expect(prefix).toHaveAccessibleDescription('Put in front of the pull request title.')
        await prefix.fill('x'.repeat(21))
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(prefix).toHaveAttribute('aria-invalid', 'true')
        await expect(page.getByLabel(/^Max turns/)).toHaveCount(0)
        await expectNoAxeViolations(page)
    })
})

for (const [mode, reason] of [
    [
        'error',
        'Using the bundled run schema: PostHog’s live run schema could not be loaded (/api/schema/ answered 500).',
    ],
    ['garbage', 'Using the bundled run schema: PostHog’s answer from /api/schema/ was not JSON.'],
    [
        'missing',
        'Using the bundled run schema: this PostHog does not publish its API schema (/api/schema/ answered 404).',
    ],
] as const) {
    test.describe(`when the schema endpoint answers with ${mode}`, () => {
        test.use({ fakeOptions: { schemaDocument: mode } })

        test('the bundled schema is used and a notice says why', async ({ page, fake }) => {
            await page.goto('/?auto_merge=true&model=claude-sonnet-5')
            await connect(page, fake)
            const notice = page.getByRole('status').filter({ hasText: 'Using the bundled run schema' })
            await expect(notice).toContainText(reason)
            await expect(notice).toContainText('The form works as usual')
            // Only the bundled fields, and a link parameter they lack is reported plainly.
            await expect(page.getByRole('group', { name: 'Auto merge' })).toHaveCount(0)
            await expect(linkNotice(page)).toContainText(
                'auto_merge: unknown parameter; this form has no field by that name.'
            )
            await expect(linkNotice(page)).not.toContainText('may have it')
            await expect(page.getByLabel(/^Model/)).toHaveValue('claude-sonnet-5')

            const before = fake.requests.filter((request) => request.path.startsWith('/api/schema/')).length
            await notice.getByRole('button', { name: 'Try loading PostHog’s schema again' }).click()
            await expect
                .poll(() => fake.requests.filter((request) => request.path.startsWith('/api/schema/')).length)
                .toBe(before + 1)
            await expect(notice).toContainText(reason)
        })
    })
}

// A second production server holding the key, in front of this test's fake PostHog.
const heldKeyTest = test.extend<{ launcherOrigin: string }>({
    launcherOrigin: async ({ fake }, use) => {
        const launcher = await startHeldKeyLauncher(fake)
        await use(launcher.origin)
        await launcher.close()
    },
})

heldKeyTest.describe('in server-held key mode', () => {
    heldKeyTest.use({ fakeOptions: { schemaDocument: buildNewerSchemaDocument() } })

    heldKeyTest('the live schema comes through the proxy, without the key', async ({ page, fake, launcherOrigin }) => {
        await page.goto(`${launcherOrigin}/`)
        await expect(page.getByText(LIVE_STATUS)).toBeVisible()
        await expect(page.getByRole('group', { name: 'Auto merge' })).toBeVisible()
        const calls = fake.requests.filter((request) => request.path.startsWith('/api/schema/'))
        expect(calls.map((request) => request.path)).toEqual(['/api/schema/?format=json'])
        expect(calls[0]?.headers['authorization']).toBeUndefined()
    })
})
