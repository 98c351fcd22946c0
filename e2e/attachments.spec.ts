import type { Page } from '@playwright/test'

import { DEMO_KEYS, DEMO_PROJECT_ID } from '../fake-posthog/seedData.ts'
import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { expectNoAxeViolations } from './axe.ts'
import { expect, openConnection, runRequests, startHeldKeyLauncher, test, connectToFlakyLoginTask } from './fixtures.ts'

const MIB = 1024 * 1024
const NOTES = { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\n\nThe login race.\n') }
const SCREENSHOT = { name: 'screenshot.png', mimeType: 'image/png', buffer: Buffer.alloc(200 * 1024, 7) }
const MANUAL = { name: 'manual.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * MIB, 1) }

function fileRow(page: Page, name: string) {
    return page.getByRole('list', { name: 'Attached files' }).getByRole('listitem').filter({ hasText: name })
}

function artifactIdsField(page: Page) {
    return page.getByLabel(/^Pending user artifact IDs/)
}

/** Requests the fake received for one staged-upload step. */
function stagedCalls(fake: FakePostHog, step: 'prepare_upload' | 'finalize_upload' | 'storage') {
    return fake.requests.filter((request) =>
        step === 'storage'
            ? request.method === 'POST' && request.path.startsWith('/__storage/')
            : request.method === 'POST' && request.path.endsWith(`/staged_artifacts/${step}/`)
    )
}

/** The finalized id of the newest staged copy of a file, as the fake holds it. */
function finalizedId(fake: FakePostHog, name: string): string {
    const staged = [...fake.state.stagedArtifacts.values()].filter(
        (artifact) => artifact.name === name && artifact.finalizedAt !== null
    )
    const newest = staged.at(-1)
    if (newest === undefined) throw new Error(`${name} was never finalized`)
    return newest.id
}

async function startRun(page: Page) {
    await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 5 — claude-sonnet-5' })
    await page.getByRole('button', { name: 'Start run' }).click()
}

test.describe('attaching files to the prompt', () => {
    test.beforeEach(async ({ page }) => {
        await page.goto('/')
    })

    test('explains what is needed before files can be attached', async ({ page, fake }) => {
        await openConnection(page)
        await expect(page.getByText('Connect and choose a task to attach files.')).toBeVisible()
        await expect(page.getByLabel('Add files')).toHaveCount(0)
        await connectToFlakyLoginTask(page, fake)
        await expect(page.getByLabel('Add files')).toBeAttached()
        await expect(page.getByText('Connect and choose a task to attach files.')).toHaveCount(0)
    })

    test('two files are staged, one over the limit is refused before any upload, and the run carries exactly the finalized ids', async ({
        page,
        fake,
    }) => {
        await connectToFlakyLoginTask(page, fake)
        const picker = page.getByLabel('Add files')
        await expect(picker).toHaveAccessibleDescription(/Up to 30 MB per file; PDFs up to 10 MB\./)

        await picker.setInputFiles([NOTES, SCREENSHOT])
        await expect(fileRow(page, 'notes.md')).toContainText('Attached')
        await expect(fileRow(page, 'screenshot.png')).toContainText('Attached')
        await expect(fileRow(page, 'screenshot.png')).toContainText('200 KB')
        const ids = [finalizedId(fake, 'notes.md'), finalizedId(fake, 'screenshot.png')]
        await expect(artifactIdsField(page)).toHaveValue(ids.join('\n'))
        await expect(page.getByRole('status').filter({ hasText: 'files attached' })).toHaveText(
            '2 of 2 files attached.'
        )

        // PostHog's three steps per file, each announcing the file's name, type and size.
        expect(stagedCalls(fake, 'prepare_upload').map((request) => request.json)).toEqual(
            expect.arrayContaining([
                {
                    artifacts: [
                        {
                            name: 'notes.md',
                            type: 'user_attachment',
                            source: 'run_launcher',
                            size: NOTES.buffer.byteLength,
                            content_type: 'text/markdown',
                        },
                    ],
                },
            ])
        )
        expect(stagedCalls(fake, 'storage')).toHaveLength(2)
        expect(stagedCalls(fake, 'finalize_upload')).toHaveLength(2)

        await picker.setInputFiles([MANUAL])
        await expect(fileRow(page, 'manual.pdf')).toContainText('Not attached')
        await expect(fileRow(page, 'manual.pdf').getByRole('alert')).toHaveText(
            'manual.pdf is 11 MB; PDFs can be at most 10 MB. Compress or split it, then add it again.'
        )
        await expect(fileRow(page, 'manual.pdf').getByRole('progressbar')).toHaveCount(0)
        expect(stagedCalls(fake, 'prepare_upload')).toHaveLength(2)
        expect(stagedCalls(fake, 'storage')).toHaveLength(2)
        await expect(artifactIdsField(page)).toHaveValue(ids.join('\n'))
        await expectNoAxeViolations(page)

        await fileRow(page, 'manual.pdf').getByRole('button', { name: 'Remove manual.pdf' }).click()
        await expect(fileRow(page, 'manual.pdf')).toHaveCount(0)

        await page.getByLabel(/^Pending user message/).fill('Use the attached notes and screenshot.')
        await startRun(page)
        await expect(page.getByRole('heading', { name: 'Run started' })).toBeVisible()
        const [body] = runRequests(fake)
        expect(body).toMatchObject({ pending_user_message: 'Use the attached notes and screenshot.' })
        expect(body).toHaveProperty('pending_user_artifact_ids', ids)
    })

    test('ids typed by hand stay; removing a file removes only its id', async ({ page, fake }) => {
        await connectToFlakyLoginTask(page, fake)
        await artifactIdsField(page).fill('typed-by-hand')
        await page.getByLabel('Add files').setInputFiles([NOTES])
        await expect(fileRow(page, 'notes.md')).toContainText('Attached')
        await expect(artifactIdsField(page)).toHaveValue(`typed-by-hand\n${finalizedId(fake, 'notes.md')}`)

        await fileRow(page, 'notes.md').getByRole('button', { name: 'Remove notes.md' }).click()
        await expect(page.getByRole('list', { name: 'Attached files' })).toHaveCount(0)
        await expect(artifactIdsField(page)).toHaveValue('typed-by-hand')
    })

    test('an id PostHog reports expired marks its file, which is uploaded again in one click', async ({
        page,
        fake,
    }) => {
        await connectToFlakyLoginTask(page, fake)
        await page.getByLabel('Add files').setInputFiles([NOTES, SCREENSHOT])
        await expect(fileRow(page, 'notes.md')).toContainText('Attached')
        await expect(fileRow(page, 'screenshot.png')).toContainText('Attached')
        const expiredId = finalizedId(fake, 'notes.md')
        const screenshotId = finalizedId(fake, 'screenshot.png')
        fake.state.expireStagedArtifact(expiredId)

        await page.getByLabel(/^Pending user message/).fill('Use the attached notes.')
        await startRun(page)
        await expect(fileRow(page, 'notes.md')).toContainText('Expired — upload again')
        await expect(fileRow(page, 'notes.md').getByRole('alert')).toContainText('PostHog no longer has this file')
        await expect(fileRow(page, 'screenshot.png')).toContainText('Attached')
        expect(runRequests(fake)).toHaveLength(1)
        expect(runRequests(fake)[0]).toHaveProperty('pending_user_artifact_ids', [expiredId, screenshotId])
        await expectNoAxeViolations(page)

        await fileRow(page, 'notes.md').getByRole('button', { name: 'Upload again notes.md' }).click()
        await expect(fileRow(page, 'notes.md')).toContainText('Attached')
        const freshId = finalizedId(fake, 'notes.md')
        expect(freshId).not.toBe(expiredId)
        await expect(artifactIdsField(page)).toHaveValue(`${freshId}\n${screenshotId}`)
        await expect(page.getByLabel(/^Pending user message/)).toHaveValue('Use the attached notes.')

        await startRun(page)
        await expect(page.getByRole('heading', { name: 'Run started' })).toBeVisible()
        expect(runRequests(fake)[1]).toHaveProperty('pending_user_artifact_ids', [freshId, screenshotId])
    })

    test('a refused upload says so and can be retried', async ({ page, fake }) => {
        await connectToFlakyLoginTask(page, fake)
        fake.inject({
            method: 'POST',
            path: /\/staged_artifacts\/prepare_upload\/$/,
            status: 400,
            body: { error: 'Unable to generate upload URL' },
        })
        await page.getByLabel('Add files').setInputFiles([NOTES])
        await expect(fileRow(page, 'notes.md')).toContainText('Could not start')
        await expect(fileRow(page, 'notes.md').getByRole('alert')).toHaveText(
            'PostHog could not prepare the upload. PostHog rejected the request: Unable to generate upload URL.'
        )
        await expect(artifactIdsField(page)).toHaveValue('')

        await fileRow(page, 'notes.md').getByRole('button', { name: 'Retry notes.md' }).click()
        await expect(fileRow(page, 'notes.md')).toContainText('Attached')
        await expect(artifactIdsField(page)).toHaveValue(finalizedId(fake, 'notes.md'))
    })
})

// A second production server holding the key, in front of this test's fake; uploads may go to the fake's storage.
const serverHeldTest = test.extend<{ launcherOrigin: string }>({
    launcherOrigin: async ({ fake }, use) => {
        const launcher = await startHeldKeyLauncher(fake, { ALLOWED_UPLOAD_ORIGINS: fake.origin })
        await use(launcher.origin)
        await launcher.close()
    },
})

serverHeldTest(
    'with a server-held key, prepare and finalize go through the proxy and the file straight to storage',
    async ({ page, fake, launcherOrigin }) => {
        const posted: string[] = []
        page.on('request', (request) => {
            if (request.method() === 'POST') posted.push(request.url())
        })
        await page.goto(`${launcherOrigin}/`)
        await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toBeVisible()
        await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
        await page.getByLabel('Add files').setInputFiles([NOTES])
        await expect(fileRow(page, 'notes.md')).toContainText('Attached')
        await expect(artifactIdsField(page)).toHaveValue(finalizedId(fake, 'notes.md'))

        const proxied = `${launcherOrigin}/launcher/posthog/api/projects/${String(DEMO_PROJECT_ID)}/tasks/`
        const uploads = posted.filter((url) => /staged_artifacts|__storage/.test(url))
        expect(uploads.map((url) => url.replace(/tasks\/[^/]+\//, 'tasks/{task}/'))).toEqual([
            `${proxied}{task}/staged_artifacts/prepare_upload/`,
            `${fake.origin}/__storage/upload`,
            `${proxied}{task}/staged_artifacts/finalize_upload/`,
        ])
        // the key is added upstream by the proxy; the storage POST carries none
        expect(stagedCalls(fake, 'prepare_upload')[0]?.headers['authorization']).toBe(`Bearer ${DEMO_KEYS.full}`)
        expect(stagedCalls(fake, 'storage')[0]?.headers['authorization']).toBeUndefined()
        expect(stagedCalls(fake, 'storage')[0]?.headers['cookie']).toBeUndefined()
    }
)
