// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { ApiError } from '../api/ApiError.ts'
import { createPostHogClient } from '../api/createPostHogClient.ts'
import type { PresignedPost } from '../api/postHogSchemas.ts'
import { storageRefusal } from '../api/uploadToStorage.ts'
import type { uploadToStorage } from '../api/uploadToStorage.ts'
import type { UploadEvent } from './attachmentsReducer.ts'
import { uploadAttachment } from './uploadAttachment.ts'

const TASK = DEMO_TASK_IDS.flakyLoginTest
const CONTENT = '# Notes\nThe login race.\n'

let fake: FakePostHog

beforeAll(async () => {
    fake = await startFakePostHog()
})

afterAll(async () => {
    await fake.close()
})

function client() {
    return createPostHogClient({ host: fake.origin, projectId: String(DEMO_PROJECT_ID), apiKey: DEMO_KEYS.full })
}

// What uploadToStorage does, over fetch (Node has no XMLHttpRequest): fields verbatim, then the file.
const uploadWithFetch: typeof uploadToStorage = async (post: PresignedPost, file, options) => {
    const form = new FormData()
    for (const [name, value] of Object.entries(post.fields)) form.append(name, value)
    form.append('file', file, options?.fileName)
    const response = await fetch(post.url, { method: 'POST', body: form, credentials: 'omit' })
    if (!response.ok) throw storageRefusal(response.status, await response.text())
    options?.onProgress?.({ loaded: file.size, total: file.size })
}

async function attach(overrides: { upload?: typeof uploadToStorage; signal?: AbortSignal; taskId?: string } = {}) {
    const events: UploadEvent[] = []
    await uploadAttachment({
        client: client(),
        taskId: overrides.taskId ?? TASK,
        file: new Blob([CONTENT]),
        name: 'notes.md',
        contentType: 'text/markdown',
        signal: overrides.signal ?? new AbortController().signal,
        upload: overrides.upload ?? uploadWithFetch,
        onEvent: (event) => events.push(event),
    })
    return events
}

function lastFailure(events: readonly UploadEvent[]): string | undefined {
    const last = events.at(-1)
    return last?.type === 'failed' ? last.message : undefined
}

describe('uploadAttachment', () => {
    it('prepares, uploads and finalizes, and reports the id PostHog will accept in a run', async () => {
        const events = await attach()
        expect(events.map((event) => event.type)).toEqual(['prepared', 'progress', 'uploaded', 'finalized'])
        const finalized = events.at(-1)
        const id = finalized?.type === 'finalized' ? finalized.artifactId : ''
        const staged = fake.state.stagedArtifacts.get(id)
        expect(staged?.finalizedAt).not.toBeNull()
        expect(new TextDecoder().decode(staged?.upload?.bytes)).toBe(CONTENT)
        expect(staged).toMatchObject({ name: 'notes.md', type: 'user_attachment', content_type: 'text/markdown' })
    })

    it('stops at prepare when PostHog cannot issue an upload address', async () => {
        fake.inject({
            method: 'POST',
            path: /\/staged_artifacts\/prepare_upload\/$/,
            status: 400,
            body: { error: 'Unable to generate upload URL' },
        })
        let uploads = 0
        const events = await attach({
            upload: () => {
                uploads += 1
                return Promise.resolve()
            },
        })
        expect(events).toEqual([
            {
                type: 'failed',
                message:
                    'PostHog could not prepare the upload. PostHog rejected the request: Unable to generate upload URL.',
            },
        ])
        expect(uploads).toBe(0)
    })

    it('stops at prepare when the task is not the caller’s to stage files for', async () => {
        const events = await attach({ taskId: DEMO_TASK_IDS.otherProjectCerts })
        expect(lastFailure(events)).toMatch(/^PostHog could not prepare the upload\. PostHog could not find it/)
    })

    it('stops at prepare when the answer has no upload address', async () => {
        fake.inject({ method: 'POST', path: /prepare_upload\/$/, status: 200, body: { artifacts: [] } })
        const events = await attach()
        expect(lastFailure(events)).toBe(
            'PostHog could not prepare the upload. It answered without an upload address. Choose Retry; if it keeps happening, this app may need an update.'
        )
    })

    it('stops at the upload when storage refuses it, without finalizing', async () => {
        const tampered: typeof uploadToStorage = (post, file, options) =>
            uploadWithFetch(
                { ...post, fields: { ...post.fields, key: `${post.fields['key'] ?? ''}-elsewhere` } },
                file,
                options
            )
        const before = fake.requests.length
        const events = await attach({ upload: tampered })
        expect(events.map((event) => event.type)).toEqual(['prepared', 'failed'])
        expect(lastFailure(events)).toMatch(/^The file storage refused the upload \(status 403\)\. It said: Invalid/)
        expect(fake.requests.slice(before).some((request) => request.path.includes('finalize_upload'))).toBe(false)
    })

    it('stops at finalize when PostHog finds no stored file', async () => {
        const events = await attach({ upload: () => Promise.resolve() })
        expect(events.map((event) => event.type)).toEqual(['prepared', 'uploaded', 'failed'])
        expect(lastFailure(events)).toMatch(
            /^PostHog could not confirm the upload\. PostHog rejected the request: Uploaded file not found for artifact /
        )
    })

    it('stops at finalize when the answer does not confirm the file', async () => {
        fake.inject({ method: 'POST', path: /finalize_upload\/$/, status: 200, body: { artifacts: [] } })
        const events = await attach()
        expect(lastFailure(events)).toMatch(
            /^PostHog could not confirm the upload\. It did not list the file as stored\./
        )
    })

    it('reports nothing more once cancelled (the file was removed)', async () => {
        const controller = new AbortController()
        const events = await attach({
            signal: controller.signal,
            upload: () => {
                controller.abort()
                return Promise.reject(
                    new ApiError({ info: { kind: 'network', reason: 'cancelled' }, message: 'x', status: 0 })
                )
            },
        })
        expect(events.map((event) => event.type)).toEqual(['prepared'])
    })
})
