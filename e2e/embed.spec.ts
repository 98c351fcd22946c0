import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'

import type { Frame, FrameLocator, Page } from '@playwright/test'

import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import { startFakePostHog } from '../fake-posthog/startFakePostHog.ts'
import type { OutboundMessage } from '../src/embed/embedMessages.ts'
import { expectNoAxeViolations } from './axe.ts'
import { connect, expect, runRequests, test, connectToFlakyLoginTask } from './fixtures.ts'
import { APP_ORIGIN, HOST_PAGE_ORIGIN, HOST_PAGE_PORT } from './ports.ts'

// What e2e/host/host.js exposes on the host page, and what a test adds inside the launcher's frame.
declare global {
    interface Window {
        receivedMessages: OutboundMessage[]
        allMessages: { origin: string; data: unknown }[]
        sendToLauncher: (message: Record<string, unknown>) => void
        postToLauncher: (data: unknown) => void
        seenMessageOrigins?: string[]
    }
}

const HOST_DIR = fileURLToPath(new URL('./host/', import.meta.url))
const GITHUB_TOKEN = 'ghp_EmbedSpecToken0123456789abcdefABCDEF'
const HOST_ENVELOPE = { source: 'run-launcher-host', version: 1 }

interface StaticServer {
    origin: string
    /** The page served at /snippet: a snippet pasted by the test, exactly as the builder wrote it. */
    setSnippetPage: (html: string) => void
    close: () => Promise<void>
}

/** The example host page (and two helper pages) on its own origin; port 0 picks a free port. */
async function startHostServer(port: number): Promise<StaticServer> {
    let snippetPage = ''
    const server = createServer((request, response) => {
        const path = new URL(request.url ?? '/', 'http://host.invalid').pathname
        const send = (type: string, body: string | Buffer) => {
            response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body)
        }
        if (path === '/' || path === '/index.html') {
            void readFile(`${HOST_DIR}index.html`).then((body) => {
                send('text/html; charset=utf-8', body)
            })
        } else if (path === '/host.js') {
            void readFile(`${HOST_DIR}host.js`).then((body) => {
                send('text/javascript; charset=utf-8', body)
            })
        } else if (path === '/blank') {
            send('text/html; charset=utf-8', '<!doctype html><html lang="en"><title>Another frame</title></html>')
        } else if (path === '/snippet') {
            send(
                'text/html; charset=utf-8',
                `<!doctype html><html lang="en"><title>Snippet</title>${snippetPage}</html>`
            )
        } else {
            response.writeHead(404).end()
        }
    })
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    const address = server.address()
    return {
        origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
        setSnippetPage: (html) => {
            snippetPage = html
        },
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections()
                server.close(() => {
                    resolve()
                })
            }),
    }
}

let hostServer: StaticServer
let thirdServer: StaticServer

// One host server on the fixed host port: the tests of this file share it, in one worker.
test.describe.configure({ mode: 'default' })

test.beforeAll(async () => {
    hostServer = await startHostServer(HOST_PAGE_PORT)
    thirdServer = await startHostServer(0)
})

test.afterAll(async () => {
    await hostServer.close()
    await thirdServer.close()
})

/** The frame's request to start the run the host page asked for. */
function hostSubmitRequest(frame: FrameLocator) {
    return frame.getByRole('group', { name: /asks to start this run/ })
}

function launcher(page: Page): FrameLocator {
    return page.frameLocator('#run-launcher')
}

function launcherFrame(page: Page): Frame {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(`${APP_ORIGIN}/`))
    if (!frame) throw new Error('The launcher frame is not on the page.')
    return frame
}

async function received(page: Page): Promise<OutboundMessage[]> {
    return page.evaluate(() => window.receivedMessages)
}

async function receivedTypes(page: Page): Promise<string[]> {
    return (await received(page)).map((message) => message.type)
}

async function errorCodes(page: Page): Promise<string[]> {
    return (await received(page)).flatMap((message) => (message.type === 'error' ? [message.code] : []))
}

async function resizeHeights(page: Page): Promise<number[]> {
    return (await received(page)).flatMap((message) => (message.type === 'resize' ? [message.height] : []))
}

async function openHostPage(page: Page, query = ''): Promise<FrameLocator> {
    // The host page embeds the app from wherever this run serves it (E2E_APP_PORT may move it).
    const separator = query.includes('?') ? '&' : '?'
    await page.goto(`${HOST_PAGE_ORIGIN}/${query}${separator}host_app=${encodeURIComponent(APP_ORIGIN)}`)
    await expect.poll(() => receivedTypes(page)).toEqual(expect.arrayContaining(['ready', 'resize']))
    const frame = launcher(page)
    await expect(frame.getByRole('button', { name: 'Start run' })).toBeVisible()
    return frame
}

/** The frame is exactly as tall as the content says and shows it all: no inner scrollbar either way. */
async function expectFramedToFit(page: Page): Promise<void> {
    await expect
        .poll(async () => {
            const heights = await resizeHeights(page)
            const inside = await launcherFrame(page).evaluate(() => {
                const root = document.documentElement
                const app = document.querySelector('.app')
                return {
                    content: app
                        ? Math.ceil(app.getBoundingClientRect().bottom - root.getBoundingClientRect().top)
                        : -1,
                    overflowsDown: root.scrollHeight > root.clientHeight,
                    overflowsSideways: root.scrollWidth > root.clientWidth,
                    viewport: root.clientHeight,
                }
            })
            return { ...inside, reported: heights.at(-1) }
        })
        .toEqual({
            content: expect.any(Number),
            overflowsDown: false,
            overflowsSideways: false,
            viewport: expect.any(Number),
            reported: expect.any(Number),
        })
    const heights = await resizeHeights(page)
    const last = heights.at(-1) ?? -1
    await expect(page.locator('#run-launcher')).toHaveCSS('height', `${last}px`)
    const content = await launcherFrame(page).evaluate(() => {
        const app = document.querySelector('.app')
        return app ? Math.ceil(app.getBoundingClientRect().bottom) : -1
    })
    expect(content).toBe(last)
}

/** A loop shows as the same two heights alternating (A B A B); real changes never repeat like that. */
function hasResizeLoop(heights: readonly number[]): boolean {
    return heights.some(
        (height, index) => index >= 3 && height === heights[index - 2] && heights[index - 1] === heights[index - 3]
    )
}

test.describe('the launcher embedded in a page on another origin', () => {
    test('says ready, and sizes its frame to the content as fields appear and disappear', async ({ page }) => {
        const frame = await openHostPage(page, '?theme=light&host_width=480')
        expect((await received(page))[0]).toEqual({ source: 'run-launcher', version: 1, type: 'ready' })
        await expectFramedToFit(page)
        const initial = (await resizeHeights(page)).at(-1) ?? 0

        await frame.getByLabel(/^Run source/).selectOption({ label: 'Signal report' })
        await expect(frame.getByLabel(/^Signal report ID/)).toBeVisible()
        await expect.poll(async () => (await resizeHeights(page)).at(-1)).toBeGreaterThan(initial)
        await expectFramedToFit(page)

        await frame.getByLabel(/^Run source/).selectOption({ label: 'Not set (PostHog decides)' })
        await expect(frame.getByLabel(/^Signal report ID/)).toHaveCount(0)
        await expect.poll(async () => (await resizeHeights(page)).at(-1)).toBe(initial)
        await expectFramedToFit(page)

        // The request preview folds away in embed mode; opening it grows the frame too.
        await frame.getByText('Show the request PostHog will receive').click()
        await expect(frame.getByRole('heading', { name: 'Request preview' })).toBeVisible()
        await expect.poll(async () => (await resizeHeights(page)).at(-1)).toBeGreaterThan(initial)
        await expectFramedToFit(page)

        const heights = await resizeHeights(page)
        expect(hasResizeLoop(heights), `heights: ${heights.join(', ')}`).toBe(false)
        expect(heights.length).toBeLessThan(20)
        // The host lists what it received, where people can see it.
        await expect(page.getByRole('list')).toContainText('"type":"ready"')
        await expectNoAxeViolations(page)
    })

    test('starts a run from the host’s submit and reports it, with no field value or secret in any message', async ({
        page,
        fake,
    }) => {
        const frame = await openHostPage(page, '?host_width=720')
        // Storage is partitioned in a third-party frame: the key is entered inside the embed.
        await expect(frame.getByText(/shown inside another site/)).toBeVisible()
        await connectToFlakyLoginTask(frame, fake)
        await frame.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 4.6 — claude-sonnet-4-6' })

        await page.getByRole('button', { name: 'Send set-values' }).click()
        await expect(frame.getByLabel(/^Branch/)).toHaveValue('main')
        await expect(frame.getByLabel(/^Pending user message/)).toHaveValue('Fix the flaky checkout test')

        // What the user types inside the frame is theirs: none of it may reach the host.
        const typedMessage = 'Rotate the staging credentials quietly 4e1b'
        await frame.getByLabel(/^Pending user message/).fill(typedMessage)
        await frame.getByLabel(/^PR authorship mode/).selectOption({ label: 'You' })
        await frame.getByLabel(/^GitHub user token/).fill(GITHUB_TOKEN)

        // The run would use the user's own key: the host asks, the user starts it inside the frame.
        await page.getByRole('button', { name: 'Send submit' }).click()
        const request = hostSubmitRequest(frame)
        await expect(request).toContainText(`${HOST_PAGE_ORIGIN} asks to start this run`)
        expect(runRequests(fake)).toEqual([])
        await expectNoAxeViolations(page)
        await request.getByRole('button', { name: 'Start run' }).click()
        await expect(frame.getByRole('heading', { name: 'Run started' })).toBeVisible()
        await expect(request).toHaveCount(0)
        expect(runRequests(fake)).toEqual([
            expect.objectContaining({
                pending_user_message: typedMessage,
                branch: 'main',
                pr_authorship_mode: 'user',
                github_user_token: GITHUB_TOKEN,
            }),
        ])
        const runId = fake.state.runs.at(-1)?.id ?? ''
        await expect
            .poll(() => received(page))
            .toContainEqual({
                source: 'run-launcher',
                version: 1,
                type: 'submitted',
                taskId: DEMO_TASK_IDS.flakyLoginTest,
                runId,
                status: expect.any(String),
                link: `${fake.origin}/project/${DEMO_PROJECT_ID}/tasks/${DEMO_TASK_IDS.flakyLoginTest}?runId=${runId}`,
            })
        await expect
            .poll(async () => (await received(page)).filter((message) => message.type === 'run-status'), {
                timeout: 15_000,
            })
            .toContainEqual(expect.objectContaining({ type: 'run-status', runId }))
        await expect(page.getByRole('list')).toContainText('"type":"submitted"')

        const everything = JSON.stringify(await page.evaluate(() => window.allMessages))
        for (const secretOrValue of [
            DEMO_KEYS.full,
            GITHUB_TOKEN,
            typedMessage,
            'Fix the flaky checkout test',
            'claude-sonnet-4-6',
        ]) {
            expect(everything).not.toContain(secretOrValue)
        }
        const allowedKeys = new Set(['source', 'version', 'type', 'height', 'taskId', 'runId', 'status', 'link'])
        for (const { data } of await page.evaluate(() => window.allMessages)) {
            const keys = typeof data === 'object' && data !== null ? Object.keys(data) : ['(not an object)']
            expect(keys.filter((key) => !allowedKeys.has(key))).toEqual([])
        }
    })

    test('fills the form from set-values and refuses secrets and invalid values by name only', async ({ page }) => {
        const frame = await openHostPage(page)
        await page.evaluate((token) => {
            window.sendToLauncher({
                type: 'set-values',
                values: {
                    branch: 'release/2.4',
                    mode: 'warp-speed-value',
                    github_user_token: token,
                    colour: 'teal-value',
                },
            })
        }, GITHUB_TOKEN)

        await expect(frame.getByLabel(/^Branch/)).toHaveValue('release/2.4')
        await expect(frame.getByLabel(/^Mode\b(?!l)/)).toHaveValue('background')
        // The person in the frame sees exactly what was refused; the host only hears field names.
        const notice = frame.getByRole('status').filter({ hasText: 'Some values from the host page were not used' })
        await expect(notice).toContainText('warp-speed-value')
        await expect(notice).toContainText('enter secrets yourself')
        await expect.poll(() => errorCodes(page)).toEqual(['secret-refused', 'invalid-values'])
        const errors = (await received(page)).filter((message) => message.type === 'error')
        expect(errors.map((message) => message.message)).toEqual([
            expect.stringContaining('github_user_token'),
            'Not applied: unknown fields: colour; invalid values for: mode. The other values were applied.',
        ])
        const everything = JSON.stringify(await page.evaluate(() => window.allMessages))
        for (const value of [GITHUB_TOKEN, 'warp-speed-value', 'teal-value', 'release/2.4']) {
            expect(everything).not.toContain(value)
        }

        await frame.getByLabel(/^PR authorship mode/).selectOption({ label: 'You' })
        await expect(frame.getByLabel(/^GitHub user token/)).toHaveValue('')
    })

    test('ignores messages from another origin, from a frame that is not its parent, and malformed ones', async ({
        page,
        fake,
    }) => {
        const frame = await openHostPage(page)
        await launcherFrame(page).evaluate(() => {
            window.seenMessageOrigins = []
            window.addEventListener('message', (event) => window.seenMessageOrigins?.push(event.origin))
        })
        const addFrame = async (src: string): Promise<Frame> => {
            await page.evaluate(
                (url) =>
                    new Promise<void>((resolve) => {
                        const sibling = document.createElement('iframe')
                        sibling.title = 'Another frame'
                        sibling.addEventListener('load', () => {
                            resolve()
                        })
                        sibling.src = url
                        document.body.append(sibling)
                    }),
                src
            )
            const added = page.frames().find((candidate) => candidate.url() === src)
            if (!added) throw new Error(`No frame loaded ${src}`)
            return added
        }
        const postToLauncherFrom = (sender: Frame, data: unknown) =>
            sender.evaluate(
                ({ message, target }) => {
                    // window.frames[0] is the launcher: the first frame on the host page.
                    window.parent.frames[0]?.postMessage(message, target)
                },
                { message: data, target: APP_ORIGIN }
            )

        const thirdOrigin = await addFrame(`${thirdServer.origin}/blank`)
        await postToLauncherFrom(thirdOrigin, { ...HOST_ENVELOPE, type: 'set-values', values: { branch: 'third' } })
        await postToLauncherFrom(thirdOrigin, { ...HOST_ENVELOPE, type: 'submit' })
        // Same origin as the host, but not the launcher's parent.
        const sibling = await addFrame(`${HOST_PAGE_ORIGIN}/blank`)
        await postToLauncherFrom(sibling, { ...HOST_ENVELOPE, type: 'set-values', values: { branch: 'sibling' } })
        await postToLauncherFrom(sibling, { ...HOST_ENVELOPE, type: 'submit' })

        // From the parent, but malformed: the ones that claim to be the protocol get an error back.
        await page.evaluate((envelope) => {
            window.postToLauncher({ ...envelope, type: 'set-values', values: 'branch=main' })
            window.postToLauncher({ ...envelope, version: 2, type: 'set-values', values: { branch: 'v2' } })
            window.postToLauncher(
                JSON.parse(
                    '{"source":"run-launcher-host","version":1,"type":"set-values","values":{"__proto__":{"branch":"polluted"}}}'
                )
            )
            window.postToLauncher({ ...envelope, type: 'submit', now: true })
            window.postToLauncher({ ...envelope, type: 'reset' })
            window.postToLauncher({ type: 'set-values', values: { branch: 'no-envelope' } })
            window.postToLauncher('set-values branch=main')
        }, HOST_ENVELOPE)

        await expect
            .poll(async () => (await launcherFrame(page).evaluate(() => window.seenMessageOrigins))?.length)
            .toBe(11)
        await expect
            .poll(() => errorCodes(page))
            .toEqual(['invalid-message', 'invalid-message', 'invalid-message', 'invalid-message', 'invalid-message'])
        await expect(frame.getByLabel(/^Branch/)).toHaveValue('')
        await expect(frame.getByText('Connect to PostHog first')).toHaveCount(0)
        expect(runRequests(fake)).toEqual([])
        expect(await launcherFrame(page).evaluate(() => Reflect.has(Object.prototype, 'branch'))).toBe(false)

        // The channel is still open to its real parent.
        await page.evaluate(() => {
            window.sendToLauncher({ type: 'set-values', values: { branch: 'main' } })
        })
        await expect(frame.getByLabel(/^Branch/)).toHaveValue('main')
    })

    test('a host’s submit waits for the user: dismissed, nothing is sent', async ({ page, fake }) => {
        const frame = await openHostPage(page)
        await connectToFlakyLoginTask(frame, fake)
        await page.evaluate(() => {
            window.sendToLauncher({ type: 'submit' })
        })
        const request = hostSubmitRequest(frame)
        await expect(request).toBeVisible()
        // While the user decides, the host cannot change what they are looking at.
        await page.evaluate(() => {
            window.sendToLauncher({ type: 'set-values', values: { branch: 'swapped-in' } })
        })
        await expect.poll(() => errorCodes(page)).toEqual(['submit-pending'])
        await expect(frame.getByLabel(/^Branch/)).toHaveValue('')

        await request.getByRole('button', { name: 'Dismiss' }).click()
        await expect(request).toHaveCount(0)
        await expect.poll(() => errorCodes(page)).toEqual(['submit-pending', 'submit-declined'])
        expect(runRequests(fake)).toEqual([])
    })

    test('with EMBED_HOST_SUBMIT on, the host’s submit starts the run without a click', async ({
        page,
        context,
        fake,
    }) => {
        // The deployment's opt-in, as its server publishes it in /launcher/config.json.
        await context.route(`${APP_ORIGIN}/launcher/config.json`, async (route) => {
            const response = await route.fetch()
            const config: unknown = await response.json()
            await route.fulfill({ response, json: { ...Object(config), embedHostSubmit: true } })
        })
        const frame = await openHostPage(page)
        await connectToFlakyLoginTask(frame, fake)
        await frame.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 4.6 — claude-sonnet-4-6' })
        await page.getByRole('button', { name: 'Send submit' }).click()
        await expect(frame.getByRole('heading', { name: 'Run started' })).toBeVisible()
        expect(runRequests(fake)).toHaveLength(1)
        await expect(hostSubmitRequest(frame)).toHaveCount(0)
    })

    test('set-values never changes a field the embed URL locked, and says which', async ({ page }) => {
        const frame = await openHostPage(page, '?branch=release&lock=branch')
        await expect(frame.getByLabel(/^Branch/)).toHaveValue('release')
        await page.evaluate(() => {
            window.sendToLauncher({
                type: 'set-values',
                values: { branch: 'attacker-branch', pending_user_message: 'Still applied' },
            })
        })
        await expect(frame.getByLabel(/^Pending user message/)).toHaveValue('Still applied')
        await expect(frame.getByLabel(/^Branch/)).toHaveValue('release')
        await expect(frame.getByLabel(/^Branch/)).toHaveAttribute('readonly')
        await expect.poll(() => errorCodes(page)).toEqual(['field-locked'])
        const [locked] = (await received(page)).filter((message) => message.type === 'error')
        expect(locked).toMatchObject({ message: expect.stringContaining('branch') })
        expect(JSON.stringify(await page.evaluate(() => window.allMessages))).not.toContain('attacker-branch')
        await expect(
            frame.getByRole('status').filter({ hasText: 'Some values from the host page were not used' })
        ).toContainText('branch: locked by the launcher’s address')
    })

    test('ignores a host in the embed URL that the deployment does not allow', async ({ page, fake }) => {
        const frame = await openHostPage(page, '?host=https%3A%2F%2Fposthog.attacker.example&project_id=1')
        const refused = frame.getByRole('alert').filter({ hasText: 'does not connect to' })
        await expect(refused).toContainText('https://posthog.attacker.example')
        await expect(refused).toContainText('ALLOWED_POSTHOG_HOSTS')
        await expect(frame.getByRole('radio', { name: /US Cloud/ })).toBeChecked()
        await expect(frame.getByLabel('PostHog address')).toHaveCount(0)
        expect(fake.requests).toEqual([])
    })

    test('a key remembered in the embed never goes to another host its URL names', async ({ page, fake }) => {
        const second = await startFakePostHog()
        try {
            const frame = await openHostPage(page)
            await frame.getByLabel('Keep the key').selectOption({ label: 'Remember on this device' })
            await connect(frame, fake)

            const other = await openHostPage(page, `?host=${encodeURIComponent(second.origin)}&project_id=1`)
            const asked = other.getByRole('status').filter({ hasText: 'is for another PostHog' })
            await expect(asked).toContainText(`is for another PostHog: ${second.origin}`)
            await expect(other.getByLabel('Personal API key')).toHaveValue('')
            await expect(other.getByText(/^Connected to/)).toHaveCount(0)
            expect(
                second.requests.filter((request) => JSON.stringify(request.headers).includes(DEMO_KEYS.full))
            ).toEqual([])
            // Back on the host it was checked against, the remembered key connects by itself.
            const back = await openHostPage(page)
            await expect(back.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(
                `on ${fake.origin}`
            )
            expect(second.requests).toEqual([])
        } finally {
            await second.close()
        }
    })

    test('without an explicit parent_origin the host may prefill but not submit', async ({ page }) => {
        const frame = await openHostPage(page, '?host_parent_origin=omit')
        await page.evaluate(() => {
            window.sendToLauncher({ type: 'set-values', values: { branch: 'main' } })
            window.sendToLauncher({ type: 'submit' })
        })
        await expect(frame.getByLabel(/^Branch/)).toHaveValue('main')
        await expect.poll(() => errorCodes(page)).toEqual(['submit-refused'])
        await expect(frame.getByText('Connect to PostHog first')).toHaveCount(0)
    })

    test('renders the dark theme', async ({ page }) => {
        const frame = await openHostPage(page, '?theme=dark&host_width=600')
        await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark')
        const colours = await launcherFrame(page).evaluate(() => {
            const panel = document.querySelector('.panel')
            return {
                scheme: getComputedStyle(document.documentElement).colorScheme,
                page: getComputedStyle(document.body).backgroundColor,
                text: getComputedStyle(document.body).color,
                panel: panel ? getComputedStyle(panel).backgroundColor : '',
            }
        })
        expect(colours).toEqual({
            scheme: 'dark',
            // Transparent: the host page shows through between the cards.
            page: 'rgba(0, 0, 0, 0)',
            text: 'rgb(232, 234, 239)',
            panel: 'rgb(27, 30, 37)',
        })
        // A failed check shows its summary in the frame and tells the host which field, not what was typed.
        await frame.getByRole('button', { name: 'Start run' }).click()
        await expect(frame.getByText('1 field needs attention: Model.')).toBeVisible()
        await expect
            .poll(() => received(page))
            .toContainEqual(
                expect.objectContaining({
                    type: 'error',
                    code: 'submit-invalid',
                    message: expect.stringContaining('model'),
                })
            )
        await expectFramedToFit(page)
        await expectNoAxeViolations(page)
    })

    test('a page on an origin the deployment does not allow gets a blocked frame', async ({ page }) => {
        const refused = page.waitForEvent('console', {
            predicate: (message) => message.text().includes('frame-ancestors'),
        })
        await page.goto(`${thirdServer.origin}/?host_app=${encodeURIComponent(APP_ORIGIN)}`)
        await refused
        await expect.poll(() => page.frames().map((frame) => frame.url())).toContain('chrome-error://chromewebdata/')
        expect(await page.evaluate(() => window.allMessages)).toEqual([])
    })
})

test.describe('an MCP server in the embed', () => {
    const HEADER_VALUE = 'Bearer lin_api_embedSecret0123456789'
    const HOST_HEADER_VALUE = 'Bearer lin_api_fromTheHost0123456789'

    function mcpServer(root: Page | FrameLocator) {
        return root.getByRole('group', { name: 'Imported MCP server 1', exact: true })
    }

    function mcpHeader(root: Page | FrameLocator) {
        return mcpServer(root).getByRole('group', { name: 'Header 1', exact: true })
    }

    test('the snippet carries the server and its header name; no message to the host carries a header value', async ({
        page,
        fake,
    }) => {
        // The bundled form is today's run request: an MCP server with a header, before connecting.
        await page.goto('/')
        await page.getByRole('button', { name: 'Add imported MCP server' }).click()
        await mcpServer(page).getByLabel(/^Type/).selectOption('http')
        await mcpServer(page).getByRole('textbox', { name: /^Name/ }).first().fill('linear')
        await mcpServer(page).getByLabel(/^URL/).fill('https://mcp.linear.app/mcp')
        await mcpServer(page).getByRole('button', { name: 'Add header' }).click()
        await mcpHeader(page).getByLabel(/^Name/).fill('Authorization')
        await mcpHeader(page)
            .getByLabel(/^Value/)
            .fill(HEADER_VALUE)

        const panel = page.locator('details', {
            has: page.getByRole('heading', { name: 'Embed this form on another site' }),
        })
        await panel.getByText('Embed this form on another site').click()
        await panel.getByLabel('Host page origin').fill(HOST_PAGE_ORIGIN)
        await panel.getByRole('button', { name: 'Create the snippet' }).click()
        await expect(panel.getByRole('status').filter({ hasText: 'The embedded form starts with' })).toContainText(
            'imported_mcp_servers'
        )
        const iframeHtml = (await panel.getByLabel(/The frame, where the launcher should appear/).textContent()) ?? ''
        const src = /src="([^"]*)"/.exec(iframeHtml)?.[1]?.replaceAll('&amp;', '&') ?? ''
        const embedUrl = new URL(src)
        expect(embedUrl.searchParams.get('imported_mcp_servers')).toContain('"name":"Authorization"')
        for (const text of [iframeHtml, ...embedUrl.searchParams.values()]) expect(text).not.toContain('lin_api_')

        // The host page embeds exactly that address: the row arrives with its header name and no value.
        const frame = await openHostPage(page, embedUrl.search)
        await expect(mcpServer(frame).getByLabel(/^URL/)).toHaveValue('https://mcp.linear.app/mcp')
        await expect(mcpHeader(frame).getByLabel(/^Name/)).toHaveValue('Authorization')
        await expect(mcpHeader(frame).getByLabel(/^Value/)).toHaveValue('')

        // A host may not hand the launcher a header value either (rows as JSON text, as in a link): refused by name.
        await page.evaluate((value) => {
            const row = {
                type: 'sse',
                name: 'sentry',
                url: 'https://mcp.sentry.dev/sse',
                headers: [{ name: 'Authorization', value }],
            }
            window.sendToLauncher({ type: 'set-values', values: { imported_mcp_servers: [JSON.stringify(row)] } })
        }, HOST_HEADER_VALUE)
        await expect.poll(() => errorCodes(page)).toEqual(['secret-refused'])
        const refusal = (await received(page)).find((message) => message.type === 'error')
        expect(refusal?.type === 'error' && refusal.message).toMatch(/^Not applied: imported_mcp_servers\./)
        // The rest of the host's row applies; the value is for the user to type.
        await expect(mcpServer(frame).getByLabel(/^URL/)).toHaveValue('https://mcp.sentry.dev/sse')
        await expect(mcpHeader(frame).getByLabel(/^Name/)).toHaveValue('Authorization')
        await expect(mcpHeader(frame).getByLabel(/^Value/)).toHaveValue('')

        // The user types the value inside the frame and starts the run the host asks for.
        await connectToFlakyLoginTask(frame, fake)
        await frame.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 4.6 — claude-sonnet-4-6' })
        await mcpHeader(frame)
            .getByLabel(/^Value/)
            .fill(HEADER_VALUE)
        await page.getByRole('button', { name: 'Send submit' }).click()
        await hostSubmitRequest(frame).getByRole('button', { name: 'Start run' }).click()
        await expect(frame.getByRole('heading', { name: 'Run started' })).toBeVisible()
        expect(runRequests(fake).at(-1)).toMatchObject({
            imported_mcp_servers: [
                {
                    type: 'sse',
                    name: 'sentry',
                    url: 'https://mcp.sentry.dev/sse',
                    headers: [{ name: 'Authorization', value: HEADER_VALUE }],
                },
            ],
        })
        await expect.poll(() => receivedTypes(page)).toContain('submitted')

        const everything = JSON.stringify(await page.evaluate(() => window.allMessages))
        expect(everything).toContain('imported_mcp_servers')
        for (const value of [HEADER_VALUE, HOST_HEADER_VALUE, 'lin_api_']) {
            expect(everything).not.toContain(value)
        }
    })
})

test.describe('the embed snippet builder', () => {
    test('writes a snippet for the current values that works when pasted on an allowed site', async ({ page }) => {
        await page.goto('/')
        await page.getByLabel(/^Branch/).fill('release/2.4')
        await page.getByLabel(/^PR authorship mode/).selectOption({ label: 'You' })
        await page.getByLabel(/^GitHub user token/).fill(GITHUB_TOKEN)

        const panel = page.locator('details', {
            has: page.getByRole('heading', { name: 'Embed this form on another site' }),
        })
        await panel.getByText('Embed this form on another site').click()
        await panel.getByRole('button', { name: 'Create the snippet' }).click()
        await expect(panel.getByRole('alert')).toHaveText(/Enter the origin of the page/)

        const origin = panel.getByLabel('Host page origin')
        await origin.fill('https://wiki.example.com/page')
        await expect(origin).toHaveAccessibleDescription(/without a path/)
        await origin.fill('https://wiki.example.com')
        await expect(
            panel.getByText('This deployment does not allow https://wiki.example.com to embed it')
        ).toBeVisible()
        await expect(panel.getByText(`Allowed now: ${HOST_PAGE_ORIGIN}.`)).toBeVisible()
        await expectNoAxeViolations(page)

        await origin.fill(HOST_PAGE_ORIGIN)
        await expect(panel.getByText(/does not allow/)).toHaveCount(0)
        await panel.getByLabel('Theme').selectOption({ label: 'Dark' })
        await expect(panel.getByRole('status').filter({ hasText: 'The embedded form starts with' })).toContainText(
            'branch, pr_authorship_mode'
        )
        const iframeHtml = (await panel.getByLabel(/The frame, where the launcher should appear/).textContent()) ?? ''
        const listener = (await panel.getByLabel(/The listener, right after the frame/).textContent()) ?? ''
        expect(iframeHtml).toContain(`parent_origin=${encodeURIComponent(HOST_PAGE_ORIGIN)}`)
        expect(iframeHtml).toContain('theme=dark')
        expect(`${iframeHtml}${listener}`).not.toContain(GITHUB_TOKEN)
        await expect(panel.getByRole('button', { name: 'Copy iframe HTML' })).toBeVisible()
        await expect(panel.getByRole('button', { name: 'Copy listener script' })).toBeVisible()

        // Pasted as is on the allowed host, the snippet embeds the prefilled form and sizes it.
        hostServer.setSnippetPage(`${iframeHtml}\n${listener}`)
        await page.goto(`${HOST_PAGE_ORIGIN}/snippet`)
        const frame = page.frameLocator('#run-launcher')
        await expect(frame.getByLabel(/^Branch/)).toHaveValue('release/2.4')
        await expect(frame.getByLabel(/^PR authorship mode/)).toHaveValue('user')
        await expect(frame.getByLabel(/^GitHub user token/)).toHaveValue('')
        await expect
            .poll(async () =>
                Number.parseFloat(
                    await page.locator('#run-launcher').evaluate((element) => getComputedStyle(element).height)
                )
            )
            .toBeGreaterThan(600)
    })
})
