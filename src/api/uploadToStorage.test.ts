// @vitest-environment jsdom
// jsdom's XMLHttpRequest speaks real HTTP with CORS checks, so this runs against the fake's bucket.
/// <reference types="node" />

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { createPostHogClient } from './createPostHogClient.ts'
import type { PresignedPost } from './postHogSchemas.ts'
import { readStorageError, storageRefusal, uploadToStorage } from './uploadToStorage.ts'
import type { UploadProgress } from './uploadToStorage.ts'
import { failureOf } from './failureOf.ts'

const CONTENT = 'a,b\n1,2\n'

let fake: FakePostHog

beforeAll(async () => {
    fake = await startFakePostHog()
})

afterAll(async () => {
    await fake.close()
})

async function prepare(size = CONTENT.length) {
    const client = createPostHogClient({
        host: fake.origin,
        projectId: String(DEMO_PROJECT_ID),
        apiKey: DEMO_KEYS.full,
    })
    const [artifact] = await client.prepareUpload(DEMO_TASK_IDS.flakyLoginTest, [
        { name: 'data.csv', type: 'user_attachment', size, content_type: 'text/csv' },
    ])
    if (!artifact) throw new Error('no artifact prepared')
    return artifact
}

function lastStorageRequest() {
    const request = fake.requests.filter((entry) => entry.path.startsWith('/__storage/')).at(-1)
    if (!request) throw new Error('nothing reached the storage')
    return request
}

describe('uploadToStorage', () => {
    it('sends every presigned field before the file, without credentials, and reports progress', async () => {
        const artifact = await prepare()
        const progress: UploadProgress[] = []
        await uploadToStorage(artifact.presigned_post, new Blob([CONTENT]), {
            fileName: 'data.csv',
            onProgress: (entry) => progress.push(entry),
        })
        const stored = fake.state.stagedArtifacts.get(artifact.id)?.upload
        expect(new TextDecoder().decode(stored?.bytes)).toBe(CONTENT)
        expect(progress.at(-1)).toEqual({ loaded: CONTENT.length, total: CONTENT.length })

        const request = lastStorageRequest()
        expect(request.headers['cookie']).toBeUndefined()
        expect(request.headers['authorization']).toBeUndefined()
        const names = [...request.body.matchAll(/; name="([^"]+)"/g)].map((match) => match[1])
        expect(names).toEqual([...Object.keys(artifact.presigned_post.fields), 'file'])
        expect(request.body).toContain('filename="data.csv"')
    })

    it.each<[string, (post: PresignedPost) => PresignedPost, RegExp]>([
        [
            'a changed field',
            (post) => ({ ...post, fields: { ...post.fields, 'Content-Type': 'text/html' } }),
            /^The file storage refused the upload \(status 403\)\. It said: Invalid according to Policy: Policy Condition failed: \["eq", "\$Content-Type", "text\/csv"\]\. Choose Retry/,
        ],
        [
            'a missing signature',
            (post) => ({ ...post, fields: { ...post.fields, 'x-amz-signature': '' } }),
            /^The file storage refused the upload \(status 403\)\. It said: The request signature we calculated/,
        ],
        [
            'an extra field',
            (post) => ({ ...post, fields: { ...post.fields, acl: 'public-read' } }),
            /It said: Invalid according to Policy: Extra input fields: acl\./,
        ],
    ])('says what storage said when it refuses %s', async (_, change, message) => {
        const artifact = await prepare()
        const error = await failureOf(uploadToStorage(change(artifact.presigned_post), new Blob([CONTENT])))
        expect(error.message).toMatch(message)
        expect(error.status).toBe(403)
        expect(error.info).toEqual({ kind: 'forbidden', reason: 'other' })
    })

    it('asks for a retry when the upload link expired', async () => {
        const artifact = await prepare()
        const realNow = fake.state.now
        fake.state.now = () => new Date(Date.now() + 2 * 3600 * 1000)
        try {
            const error = await failureOf(uploadToStorage(artifact.presigned_post, new Blob([CONTENT])))
            expect(error.message).toBe(
                'The upload link expired before the file was sent. Choose Retry to get a new one.'
            )
        } finally {
            fake.state.now = realNow
        }
    })

    it('refuses a file larger than announced', async () => {
        const artifact = await prepare(1)
        const error = await failureOf(uploadToStorage(artifact.presigned_post, new Blob(['x'.repeat(70 * 1024)])))
        expect(error.code).toBe('EntityTooLarge')
        expect(error.message).toMatch(/larger than announced.*Remove it and attach it again\.$/)
    })

    it('explains a storage that cannot be reached or refuses this site (CORS)', async () => {
        const artifact = await prepare()
        // Nothing listens on port 9 of loopback: the browser sees the same network error as a CORS refusal.
        const error = await failureOf(
            uploadToStorage({ ...artifact.presigned_post, url: 'http://127.0.0.1:9/upload' }, new Blob([CONTENT]))
        )
        expect(error.info).toEqual({ kind: 'network', reason: 'unreachable' })
        expect(error.message).toBe(
            'The file storage at http://127.0.0.1:9 could not be reached, or it does not accept uploads from this site. Check your connection and choose Retry. If it keeps failing, ask whoever runs Run Launcher to allow uploads to this storage, or stage the file with PostHog’s API and type its ID in the field.'
        )
    })

    it('stops when cancelled, before or during the upload', async () => {
        const artifact = await prepare()
        const before = new AbortController()
        before.abort()
        const early = await failureOf(uploadToStorage(artifact.presigned_post, new Blob([CONTENT]), before))
        expect(early.info).toEqual({ kind: 'network', reason: 'cancelled' })

        const during = new AbortController()
        const pending = uploadToStorage(artifact.presigned_post, new Blob([CONTENT]), { signal: during.signal })
        during.abort()
        expect((await failureOf(pending)).info).toEqual({ kind: 'network', reason: 'cancelled' })
    })
})

describe('readStorageError', () => {
    it.each<[string, string, { code: string | undefined; message: string | undefined }]>([
        [
            'an S3 error document',
            '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Policy &quot;x&quot; &amp; more</Message></Error>',
            { code: 'AccessDenied', message: 'Policy "x" & more' },
        ],
        ['an HTML page', '<html><body>Bad gateway</body></html>', { code: undefined, message: undefined }],
        ['an empty body', '', { code: undefined, message: undefined }],
    ])('reads %s', (_, body, expected) => {
        expect(readStorageError(body)).toEqual(expected)
    })

    it('treats a storage failure as PostHog-independent trouble with a next step', () => {
        const error = storageRefusal(
            503,
            '<Error><Code>SlowDown</Code><Message>Reduce your request rate</Message></Error>'
        )
        expect(error.info).toEqual({ kind: 'server' })
        expect(error.message).toBe(
            'The file storage had a problem (status 503). It said: Reduce your request rate. Try again in a minute.'
        )
    })
})
