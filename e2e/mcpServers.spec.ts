import type { Locator, Page } from '@playwright/test'

import { buildExtendedSchemaDocument } from '../fake-posthog/extendedSchemaDocument.ts'
import { expectNoAxeViolations } from './axe.ts'
import { expect, runRequests, test, connectToFlakyLoginTask } from './fixtures.ts'

const RUN_PATH = /\/tasks\/[^/]+\/run\/$/
const HEADER_VALUES = ['Bearer lin_api_first_secret', 'Bearer sntrys_second_secret', 'acme-org-third-secret']

function server(page: Page, row: number): Locator {
    return page.getByRole('group', { name: `Imported MCP server ${row}`, exact: true })
}

function header(row: Locator, index: number): Locator {
    return row.getByRole('group', { name: `Header ${index}`, exact: true })
}

async function addServer(
    page: Page,
    row: number,
    fields: { type: string; name: string; url: string; headers: [string, string][] }
): Promise<void> {
    await page.getByRole('button', { name: 'Add imported MCP server' }).click()
    const group = server(page, row)
    await group.getByLabel(/^Type/).selectOption(fields.type)
    await group.getByRole('textbox', { name: /^Name/ }).first().fill(fields.name)
    await group.getByLabel(/^URL/).fill(fields.url)
    for (const [index, [name, value]] of fields.headers.entries()) {
        await group.getByRole('button', { name: 'Add header' }).click()
        const entry = header(group, index + 1)
        await entry.getByLabel(/^Name/).fill(name)
        await entry.getByLabel(/^Value/).fill(value)
    }
}

test.describe('MCP servers through the form, against today’s schema', () => {
    test.use({ fakeOptions: { schemaDocument: buildExtendedSchemaDocument() } })

    test('two servers with headers arrive exactly; a server error lands on its row; no header value leaks', async ({
        page,
        fake,
    }) => {
        await page.goto('/')
        await connectToFlakyLoginTask(page, fake)
        await page.getByLabel(/^Model/).selectOption('claude-sonnet-4-6')
        await page.getByLabel(/^Pending user message/).fill('Use Linear and Sentry.')
        await addServer(page, 1, {
            type: 'http',
            name: 'linear',
            url: 'https://mcp.linear.app/mcp',
            headers: [['Authorization', HEADER_VALUES[0] ?? '']],
        })
        await addServer(page, 2, {
            type: 'sse',
            name: 'sentry',
            url: 'https://mcp.sentry.dev/sse',
            headers: [
                ['Authorization', HEADER_VALUES[1] ?? ''],
                ['X-Org', HEADER_VALUES[2] ?? ''],
            ],
        })
        // Header values are masked, with a reveal toggle.
        const value = header(server(page, 1), 1).getByLabel(/^Value/)
        await expect(value).toHaveAttribute('type', 'password')
        await header(server(page, 1), 1).getByRole('button', { name: /^Show/ }).click()
        await expect(value).toHaveAttribute('type', 'text')
        await expectNoAxeViolations(page)

        // The curl preview carries shell variables, never a header value.
        const curl = page.getByRole('region').or(page.locator('aside')).getByLabel('curl command')
        await expect(curl).toContainText('IMPORTED_MCP_SERVERS_1_HEADERS_1_VALUE')
        await expect(curl).toContainText('IMPORTED_MCP_SERVERS_0_HEADERS_0_VALUE')
        for (const secret of HEADER_VALUES) {
            await expect(curl).not.toContainText(secret)
            await expect(page.getByTestId('request-preview-json')).not.toContainText(secret)
        }

        // The draft keeps the servers and header names, never a value.
        await expect.poll(() => page.evaluate(() => JSON.stringify(localStorage))).toContain('mcp.sentry.dev')
        const stored = await page.evaluate(() => JSON.stringify(localStorage))
        expect(stored).toContain('X-Org')
        for (const secret of HEADER_VALUES) expect(stored).not.toContain(secret)

        // So does a share link.
        await page.getByText('Share a prefilled link').click()
        await page.getByRole('button', { name: 'Copy share link' }).click()
        const link = await page.getByLabel('Share link').inputValue()
        expect(decodeURIComponent(link)).toContain('"name":"X-Org"')
        for (const secret of HEADER_VALUES) expect(decodeURIComponent(link)).not.toContain(secret)

        // PostHog refuses the second server's address: the error lands on that row's URL field.
        fake.inject({
            method: 'POST',
            path: RUN_PATH,
            status: 400,
            body: {
                type: 'validation_error',
                code: 'invalid',
                detail: 'The host mcp.sentry.dev resolves to a private address.',
                attr: 'imported_mcp_servers__1__url',
            },
        })
        await page.getByRole('button', { name: 'Start run' }).click()
        const url = server(page, 2).getByLabel(/^URL/)
        await expect(url).toHaveAttribute('aria-invalid', 'true')
        await expect(url).toHaveAccessibleDescription(/resolves to a private address/)
        await expect(server(page, 1).getByLabel(/^URL/)).toHaveAttribute('aria-invalid', 'false')

        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(page.getByRole('region', { name: 'Run started' })).toBeVisible()
        const bodies = runRequests(fake)
        expect(bodies).toHaveLength(2)
        // Exactly this: no tri-state boolean left unset (auto_publish, fast_mode, rtk_enabled) is in the body.
        expect(bodies[1]).toEqual({
            mode: 'background',
            pending_user_message: 'Use Linear and Sentry.',
            runtime_adapter: 'claude',
            model: 'claude-sonnet-4-6',
            imported_mcp_servers: [
                {
                    type: 'http',
                    name: 'linear',
                    url: 'https://mcp.linear.app/mcp',
                    headers: [{ name: 'Authorization', value: HEADER_VALUES[0] }],
                },
                {
                    type: 'sse',
                    name: 'sentry',
                    url: 'https://mcp.sentry.dev/sse',
                    headers: [
                        { name: 'Authorization', value: HEADER_VALUES[1] },
                        { name: 'X-Org', value: HEADER_VALUES[2] },
                    ],
                },
            ],
        })
        const recent = await page.evaluate(() =>
            JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])
        )
        for (const secret of HEADER_VALUES) expect(recent).not.toContain(secret)
    })

    test('rows are checked on their own and can be reordered and removed', async ({ page, fake }) => {
        await page.goto('/')
        await connectToFlakyLoginTask(page, fake)
        await page.getByLabel(/^Model/).selectOption('claude-sonnet-4-6')
        await addServer(page, 1, { type: 'http', name: 'first', url: 'not a url', headers: [] })
        await addServer(page, 2, { type: 'sse', name: 'second', url: 'https://second.example.com/sse', headers: [] })
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(server(page, 1).getByLabel(/^URL/)).toHaveAccessibleDescription(
            /Enter a full address, such as https:\/\/mcp\.example\.com\/mcp/
        )
        await expect(server(page, 2).getByLabel(/^URL/)).toHaveAttribute('aria-invalid', 'false')
        expect(runRequests(fake)).toEqual([])

        await page.getByRole('button', { name: 'Move down Imported MCP server 1' }).click()
        await expect(server(page, 1).getByRole('textbox', { name: /^Name/ }).first()).toHaveValue('second')
        // the error goes with its row
        await expect(server(page, 2).getByLabel(/^URL/)).toHaveAccessibleDescription(/^Enter a full address/)
        await expect(server(page, 1).getByLabel(/^URL/)).toHaveAttribute('aria-invalid', 'false')
        await page.getByRole('button', { name: 'Remove Imported MCP server 2' }).click()
        await expect(server(page, 2)).toHaveCount(0)
        await page.getByRole('button', { name: 'Start run' }).click()
        await expect(page.getByRole('region', { name: 'Run started' })).toBeVisible()
        expect(runRequests(fake)[0]).toMatchObject({
            imported_mcp_servers: [{ type: 'sse', name: 'second', url: 'https://second.example.com/sse' }],
        })
    })
})
