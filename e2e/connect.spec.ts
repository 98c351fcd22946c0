import { createServer } from 'node:net'

import type { Page } from '@playwright/test'

import { DEMO_KEYS, DEMO_USER_ID } from '../fake-posthog/seedData.ts'
import { expectNoAxeViolations } from './axe.ts'
import { connect, expect, openConnection, test } from './fixtures.ts'
import { APP_ORIGIN } from './ports.ts'

const NO_TASK_SCOPE_KEY = 'phx_demo_users_only'

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    await new Promise<void>((resolve) => {
        server.close(() => {
            resolve()
        })
    })
    if (address === null || typeof address === 'string') throw new Error('no port')
    return address.port
}

/** Everything the page could have kept: the address and both storages, as text. */
async function whereTheKeyCouldBe(page: Page) {
    return page.evaluate(() => ({
        href: window.location.href,
        local: JSON.stringify(Object.entries(window.localStorage)),
        session: JSON.stringify(Object.entries(window.sessionStorage)),
    }))
}

function connectionAlert(page: Page) {
    return page.getByRole('alert').filter({ hasText: 'Could not connect' })
}

test.describe('connecting to a PostHog project', () => {
    test.beforeEach(async ({ page }) => {
        await page.goto('/')
    })

    test('a good key connects, names the user and project, and lists the tasks', async ({ page, fake }) => {
        await connect(page, fake)
        // The host is named in full, so the user sees where the key went.
        await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toHaveText(
            `Connected to Demo project on ${fake.origin} as Ada Lovelace (ada@example.com).`
        )
        await expect(page.getByRole('radio', { name: /#1 Fix flaky login test/ })).toBeVisible()

        const apiCalls = fake.requests.filter(
            (request) => request.method === 'GET' && request.path.startsWith('/api/projects/1/tasks/?')
        )
        expect(apiCalls.length).toBeGreaterThan(0)
        for (const request of apiCalls) {
            expect(request.headers['authorization']).toBe(`Bearer ${DEMO_KEYS.full}`)
            // credentials: 'omit': no cookies ride along, so PostHog's session auth never wins over the key
            expect(request.headers['cookie']).toBeUndefined()
            expect(request.path).not.toContain(DEMO_KEYS.full)
        }
    })

    test('a key with only task scopes still connects, without a name', async ({ page, fake }) => {
        await connect(page, fake, { apiKey: DEMO_KEYS.tasksOnly })
        const banner = page.getByRole('status').filter({ hasText: 'Connected to' })
        await expect(banner).toContainText(`Connected to project 1 on ${fake.origin}.`)
        await expect(banner).toContainText('no user:read scope')
        await expect(banner).not.toContainText('task:write')
        await expect(page.getByRole('radio', { name: /#1 Fix flaky login test/ })).toBeVisible()
    })

    test('a key that can only read tasks connects and says it cannot start runs', async ({ page, fake }) => {
        await connect(page, fake, { apiKey: DEMO_KEYS.readOnly })
        await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(
            'This key can read tasks but not start runs: add the task:write scope'
        )
    })

    test('an invalid key says PostHog did not accept it', async ({ page, fake }) => {
        await connect(page, fake, { apiKey: 'phx_not_a_real_key', expectConnected: false })
        await expect(connectionAlert(page)).toContainText('PostHog did not accept the personal API key.')
        await expect(connectionAlert(page)).toContainText('Settings → Personal API keys')
        await expect(connectionAlert(page)).not.toContainText('phx_not_a_real_key')
        await expect(page.getByText('Connect to PostHog to pick from your tasks')).toBeVisible()
        await expectNoAxeViolations(page)
    })

    test('a key without task:read names the missing scope', async ({ page, fake }) => {
        fake.state.apiKeys.push({
            secret: NO_TASK_SCOPE_KEY,
            label: 'users only',
            scopes: ['user:read'],
            userId: DEMO_USER_ID,
            scopedTeams: null,
        })
        await connect(page, fake, { apiKey: NO_TASK_SCOPE_KEY, expectConnected: false })
        await expect(connectionAlert(page)).toContainText('This API key lacks the task:read scope.')
        await expect(connectionAlert(page)).toContainText('add task:read')
    })

    test('typing on without a pause while connecting holds the answers a second at most, never until typing stops', async ({
        page,
        fake,
    }) => {
        // When "Connected to" first shows, by the page's clock.
        await page.evaluate(() => {
            const observer = new MutationObserver(() => {
                if (!document.body.textContent.includes('Connected to')) return
                document.body.dataset['connectedAt'] = String(performance.now())
                observer.disconnect()
            })
            observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        })
        // The answers land 800 ms after the check (a preflight, then the request), in the middle of the typing.
        const cdp = await page.context().newCDPSession(page)
        await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: 400,
            downloadThroughput: -1,
            uploadThroughput: -1,
        })
        await connect(page, fake, { expectConnected: false })
        // Keys about 15 ms apart for four seconds: never the pause the answers otherwise wait for.
        await page
            .getByLabel(/^Pending user message/)
            .pressSequentially('fix the flaky login test '.repeat(10), { delay: 10 })
        const typingEndedAt = await page.evaluate(() => performance.now())
        const connectedAt = Number(await page.evaluate(() => document.body.dataset['connectedAt']))
        expect(connectedAt).toBeLessThan(typingEndedAt - 250)
        await expect(page.getByRole('radio', { name: /#1 Fix flaky login test/ })).toBeVisible()
    })

    test('a key limited to another project says so', async ({ page, fake }) => {
        await connect(page, fake, { apiKey: DEMO_KEYS.otherProject, expectConnected: false })
        await expect(connectionAlert(page)).toContainText('This API key is not allowed to access project 1.')
    })

    test('an unreachable host says it could not be reached and why that may be', async ({ page, fake }) => {
        const port = await closedPort()
        await connect(page, fake)
        await page.getByRole('button', { name: 'Change connection' }).click()
        await page.getByLabel('PostHog address').fill(`http://127.0.0.1:${port}`)
        await page.getByRole('button', { name: 'Check connection' }).click()
        await expect(connectionAlert(page)).toContainText(`Could not reach PostHog at http://127.0.0.1:${port}.`)
        await expect(connectionAlert(page)).toContainText('(CORS)')
    })

    test('an address that serves a web page, not PostHog, says so', async ({ page, fake }) => {
        await connect(page, fake)
        await page.getByRole('button', { name: 'Change connection' }).click()
        await page.getByLabel('PostHog address').fill(APP_ORIGIN)
        await page.getByRole('button', { name: 'Check connection' }).click()
        await expect(connectionAlert(page)).toContainText(/answered \(status 404\), but not like PostHog's API/)
        await expect(connectionAlert(page)).toContainText('Check the address')
    })

    test('an HTML 404 from the API path reads as "not PostHog"', async ({ page, fake }) => {
        fake.inject({
            method: 'GET',
            path: '/api/projects/1/tasks/',
            status: 404,
            body: '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>',
        })
        await connect(page, fake, { expectConnected: false })
        await expect(connectionAlert(page)).toContainText('The server at this address answered (status 404)')
    })

    test('a host outside the deployment’s ALLOWED_POSTHOG_HOSTS is refused beside its field', async ({
        page,
        fake,
    }) => {
        await openConnection(page)
        await page.getByRole('radio', { name: /Self-hosted/ }).check()
        await page.getByLabel('PostHog address').fill('https://posthog.example.com')
        await page.getByLabel('Project ID').fill('1')
        await page.getByLabel('Personal API key').fill(DEMO_KEYS.full)
        await page.getByRole('button', { name: 'Check connection' }).click()
        await expect(page.getByLabel('PostHog address')).toHaveAccessibleDescription(
            /does not allow https:\/\/posthog\.example\.com; it allows .*\(its ALLOWED_POSTHOG_HOSTS setting\)/
        )
        await expect(page.getByText(/^Connected to/)).toHaveCount(0)
        expect(fake.requests).toHaveLength(0)
    })

    test('missing or malformed inputs are named beside their fields before anything is sent', async ({
        page,
        fake,
    }) => {
        await openConnection(page)
        await page.getByRole('radio', { name: /Self-hosted/ }).check()
        await page.getByLabel('Project ID').fill('my project')
        await page.getByLabel('Personal API key').fill('phc_projectToken')
        await page.getByRole('button', { name: 'Check connection' }).click()
        await expect(page.getByLabel('PostHog address')).toHaveAccessibleDescription(
            'Enter the address of your PostHog instance.'
        )
        await expect(page.getByLabel('Project ID')).toHaveAttribute('aria-invalid', 'true')
        await expect(page.getByLabel('Project ID')).toHaveAccessibleDescription(/The project id is a number/)
        await expect(page.getByLabel('Personal API key')).toHaveAccessibleDescription(/This is a project token/)
        expect(fake.requests).toHaveLength(0)
    })
})

test.describe('where the key is kept', () => {
    test.beforeEach(async ({ page }) => {
        await page.goto('/')
        await openConnection(page)
    })

    test('by default only while the page is open: never in the address or storage', async ({ page, fake }) => {
        await expect(page.getByLabel('Keep the key')).toHaveValue('memory')
        await connect(page, fake)
        const kept = await whereTheKeyCouldBe(page)
        expect(kept.href).not.toContain(DEMO_KEYS.full)
        expect(kept.local).not.toContain(DEMO_KEYS.full)
        expect(kept.session).not.toContain(DEMO_KEYS.full)

        // The host and project are remembered, the key is not.
        await page.reload()
        await expect(page.getByLabel('PostHog address')).toHaveValue(fake.origin)
        await expect(page.getByLabel('Project ID')).toHaveValue('1')
        await expect(page.getByLabel('Personal API key')).toHaveValue('')
        await expect(page.getByText(/^Connected to/)).toHaveCount(0)
    })

    test('"Remember in this tab" keeps it in sessionStorage only, and reconnects on reload', async ({ page, fake }) => {
        await page.getByLabel('Keep the key').selectOption({ label: 'Remember in this tab' })
        await connect(page, fake)
        const kept = await whereTheKeyCouldBe(page)
        expect(kept.href).not.toContain(DEMO_KEYS.full)
        expect(kept.local).not.toContain(DEMO_KEYS.full)
        expect(kept.session).toContain(DEMO_KEYS.full)

        await page.reload()
        await expect(page.getByText(/^Connected to/)).toBeVisible()
        await expect(page.getByLabel('Keep the key')).toHaveValue('session')
        expect((await whereTheKeyCouldBe(page)).href).not.toContain(DEMO_KEYS.full)
    })

    test('"Remember on this device" keeps it in localStorage only, with a warning', async ({ page, fake }) => {
        await connect(page, fake)
        // Changing the choice after connecting moves the key at once.
        await page.getByLabel('Keep the key').selectOption({ label: 'Remember on this device' })
        await expect(page.getByLabel('Keep the key')).toHaveAccessibleDescription(
            /Anyone who uses this browser profile can read a key remembered on this device/
        )
        const kept = await whereTheKeyCouldBe(page)
        expect(kept.href).not.toContain(DEMO_KEYS.full)
        expect(kept.local).toContain(DEMO_KEYS.full)
        expect(kept.session).not.toContain(DEMO_KEYS.full)

        await page.getByLabel('Keep the key').selectOption({ label: 'Remember in this tab' })
        const moved = await whereTheKeyCouldBe(page)
        expect(moved.local).not.toContain(DEMO_KEYS.full)
        expect(moved.session).toContain(DEMO_KEYS.full)
    })

    test('"Forget key" clears it everywhere and disconnects', async ({ page, fake }) => {
        await page.getByLabel('Keep the key').selectOption({ label: 'Remember on this device' })
        await connect(page, fake)
        await expect.poll(async () => (await whereTheKeyCouldBe(page)).local).toContain(DEMO_KEYS.full)

        await page.getByRole('button', { name: 'Forget key' }).click()
        await expect(page.getByLabel('Personal API key')).toHaveValue('')
        await expect(page.getByLabel('Keep the key')).toHaveValue('memory')
        await expect(page.getByText(/^Connected to/)).toHaveCount(0)
        await expect(page.getByText('Connect to PostHog to pick from your tasks')).toBeVisible()
        const kept = await whereTheKeyCouldBe(page)
        expect(kept.local).not.toContain(DEMO_KEYS.full)
        expect(kept.session).not.toContain(DEMO_KEYS.full)

        await page.reload()
        await expect(page.getByLabel('Personal API key')).toHaveValue('')
        await expect(page.getByText(/^Connected to/)).toHaveCount(0)
    })
})

test.describe('a first visit', () => {
    test('shows the form at once and the connection panel when asked, focused', async ({ page }) => {
        await page.goto('/')
        await expect(page.getByLabel(/^Pending user message/)).toBeEditable()
        await page.getByRole('button', { name: 'Connect to PostHog' }).click()
        await expect(page.getByRole('radio', { name: /US Cloud/ })).toBeFocused()
    })

    test('starting a run before connecting says to connect first and keeps what was typed', async ({ page }) => {
        await page.goto('/')
        await page.getByLabel(/^Model/).selectOption('claude-sonnet-5')
        await page.getByLabel(/^Pending user message/).fill('Typed before connecting')
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(page.getByText('Connect to PostHog first')).toBeVisible()
        await expect(page.getByLabel('Personal API key')).toBeVisible()
        await expect(page.getByLabel(/^Pending user message/)).toHaveValue('Typed before connecting')
    })
})
