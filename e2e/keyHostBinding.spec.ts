import type { Page } from '@playwright/test'

import { DEMO_KEYS } from '../fake-posthog/seedData.ts'
import { startFakePostHog, type FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { createServerApp } from '../server/createServerApp.ts'
import { parseServerConfig } from '../server/parseServerConfig.ts'
import { startServer } from '../server/startServer.ts'
import { expectNoAxeViolations } from './axe.ts'
import { connect, expect, openConnection, test } from './fixtures.ts'

/** The requests a fake PostHog received that carried this key, in any header. */
function requestsWithKey(fake: FakePostHog, apiKey: string) {
    return fake.requests.filter((request) => JSON.stringify(request.headers).includes(apiKey))
}

function linkTo(host: string, projectId = '1'): string {
    return `/?host=${encodeURIComponent(host)}&project_id=${projectId}`
}

/** Connects to the fake and remembers the key on this device, as a returning user would have. */
async function rememberKeyFor(page: Page, fake: FakePostHog): Promise<void> {
    await page.goto('/')
    await openConnection(page)
    await page.getByLabel('Keep the key').selectOption({ label: 'Remember on this device' })
    await connect(page, fake)
}

function hostNotice(page: Page) {
    return page.getByRole('status').filter({ hasText: 'is for another PostHog' })
}

test.describe('a remembered key belongs to the host it was checked against', () => {
    let second: FakePostHog

    test.beforeEach(async () => {
        second = await startFakePostHog()
    })

    test.afterEach(async () => {
        await second.close()
    })

    test('a link to another host asks, names it, and never sends it the remembered key', async ({ page, fake }) => {
        await rememberKeyFor(page, fake)
        const before = fake.requests.length

        await page.goto(linkTo(second.origin))
        await expect(hostNotice(page)).toContainText(`This link is for another PostHog: ${second.origin}`)
        await expect(hostNotice(page)).toContainText(`Your remembered key belongs to ${fake.origin}`)
        await expect(page.getByLabel('PostHog address')).toHaveValue(second.origin)
        await expect(page.getByLabel('Personal API key')).toHaveValue('')
        await expect(page.getByText(/^Connected to/)).toHaveCount(0)
        await expectNoAxeViolations(page)

        // The user gives this host a key of its own: the only key it ever sees.
        await page.getByLabel('Personal API key').fill(DEMO_KEYS.tasksOnly)
        await page.getByRole('button', { name: 'Check connection' }).click()
        await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(
            `Connected to project 1 on ${second.origin}.`
        )
        expect(requestsWithKey(second, DEMO_KEYS.tasksOnly).length).toBeGreaterThan(0)
        expect(requestsWithKey(second, DEMO_KEYS.full)).toEqual([])
        // Nor did the first host hear anything while the link was open.
        expect(fake.requests.length).toBe(before)
    })

    test('“Stay on” goes back to the remembered host; the other host hears nothing', async ({ page, fake }) => {
        await rememberKeyFor(page, fake)
        await page.goto(linkTo(second.origin))
        await page.getByRole('button', { name: `Stay on ${fake.origin}` }).click()
        await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(
            `Connected to Demo project on ${fake.origin} as Ada Lovelace`
        )
        expect(second.requests).toEqual([])
    })

    test('a link to the remembered key’s own host connects at once and names the host', async ({ page, fake }) => {
        await rememberKeyFor(page, fake)
        await page.goto(linkTo(fake.origin))
        await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(
            `Connected to Demo project on ${fake.origin}`
        )
    })

    test('a key remembered before host binding stays with the host the user checked', async ({ page, fake }) => {
        await page.goto('/')
        await page.evaluate((origin) => {
            localStorage.setItem(
                'run-launcher:connection:v1',
                JSON.stringify({ hostChoice: 'custom', customHost: origin, projectId: '1' })
            )
            localStorage.setItem('run-launcher:personal-api-key', 'phx_demo_full')
        }, fake.origin)

        await page.goto(linkTo(second.origin))
        await expect(hostNotice(page)).toContainText(`Your remembered key belongs to ${fake.origin}`)
        await expect(page.getByLabel('Personal API key')).toHaveValue('')
        const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))
        expect(stored).not.toContain('"run-launcher:personal-api-key","phx_demo_full"')

        await page.goto('/')
        await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(`on ${fake.origin}`)
        expect(requestsWithKey(second, DEMO_KEYS.full)).toEqual([])
    })
})

test.describe('a deployment that allows fewer PostHog hosts', () => {
    let narrow: { origin: string; close: () => Promise<void> }

    test.beforeAll(async () => {
        const parsed = parseServerConfig({
            HOST: '127.0.0.1',
            PORT: '0',
            BUILD_ON_START: 'never',
            ALLOWED_POSTHOG_HOSTS: 'https://us.posthog.com',
            ALLOWED_UPLOAD_ORIGINS: '',
        })
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
        const app = createServerApp(parsed.config, { log: () => undefined })
        const server = await startServer(app, { host: parsed.config.host, port: parsed.config.port })
        narrow = { origin: server.origin, close: () => server.close(1_000) }
    })

    test.afterAll(async () => {
        await narrow.close()
    })

    test('refuses a link’s host outside ALLOWED_POSTHOG_HOSTS, naming both', async ({ page, fake }) => {
        await page.goto(`${narrow.origin}${linkTo(fake.origin)}`)
        await openConnection(page)
        const refused = page.getByRole('alert').filter({ hasText: 'does not connect to' })
        await expect(refused).toContainText(
            `This link names a PostHog this launcher does not connect to: ${fake.origin}`
        )
        await expect(refused).toContainText('it allows https://us.posthog.com (its ALLOWED_POSTHOG_HOSTS setting)')
        await expect(page.getByRole('radio', { name: /US Cloud/ })).toBeChecked()
        await expectNoAxeViolations(page)

        // Typed by hand, the host is refused before anything is sent, with the same setting named.
        await page.getByRole('radio', { name: /Self-hosted/ }).check()
        await page.getByLabel('PostHog address').fill(fake.origin)
        await page.getByLabel('Project ID').fill('1')
        await page.getByLabel('Personal API key').fill(DEMO_KEYS.full)
        await page.getByRole('button', { name: 'Check connection' }).click()
        await expect(page.getByLabel('PostHog address')).toHaveAccessibleDescription(
            new RegExp(`does not allow ${fake.origin.replace(/\./g, '\\.')}.*ALLOWED_POSTHOG_HOSTS`)
        )
        expect(fake.requests).toEqual([])
    })
})
