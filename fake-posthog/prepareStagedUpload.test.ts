import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { createTestFake } from './createTestFake.ts'
import { DEMO_PROJECT_ID, DEMO_TASK_IDS } from './seedData.ts'

const TASK = `/api/projects/${DEMO_PROJECT_ID}/tasks/${DEMO_TASK_IDS.flakyLoginTest}`
const PREPARE = `${TASK}/staged_artifacts/prepare_upload/`
const FINALIZE = `${TASK}/staged_artifacts/finalize_upload/`
const MIB = 1024 * 1024

const preparedSchema = z.object({
    artifacts: z.array(
        z.object({
            id: z.string(),
            name: z.string(),
            type: z.string(),
            storage_path: z.string(),
            expires_in: z.number(),
            presigned_post: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
        })
    ),
})

type Fake = ReturnType<typeof createTestFake>

async function prepare(fake: Fake, artifact: Record<string, unknown>) {
    const response = await fake.call('POST', PREPARE, { json: { artifacts: [artifact] } })
    const prepared = preparedSchema.parse(response.json).artifacts[0]
    if (prepared === undefined) {
        throw new Error('prepare_upload returned no artifact')
    }
    return prepared
}

function buildForm(
    fields: Record<string, string>,
    file: Blob | undefined,
    after: Record<string, string> = {}
): FormData {
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) {
        form.append(name, value)
    }
    if (file !== undefined) {
        form.append('file', file, 'notes.txt')
    }
    for (const [name, value] of Object.entries(after)) {
        form.append(name, value)
    }
    return form
}

async function upload(fake: Fake, url: string, form: FormData) {
    return fake.call('POST', new URL(url).pathname, { key: null, body: form })
}

const NOTES = {
    name: 'notes.txt',
    type: 'user_attachment',
    size: 11,
    content_type: 'text/plain',
    source: 'posthog_web',
}

describe('staged uploads', () => {
    it('prepares, uploads, finalizes and attaches a file to a run', async () => {
        const fake = createTestFake()
        const prepared = await prepare(fake, NOTES)
        expect(prepared).toMatchObject({ name: 'notes.txt', type: 'user_attachment', expires_in: 3600 })
        expect(prepared.presigned_post.url).toBe('http://localhost/__storage/upload')
        expect(Object.keys(prepared.presigned_post.fields)).toEqual(
            expect.arrayContaining(['key', 'policy', 'x-amz-signature', 'Content-Type'])
        )

        const uploaded = await upload(
            fake,
            prepared.presigned_post.url,
            buildForm(prepared.presigned_post.fields, new Blob(['hello world']))
        )
        expect(uploaded.status).toBe(204)

        const finalized = await fake.call('POST', FINALIZE, {
            json: {
                artifacts: [
                    {
                        id: prepared.id,
                        name: 'notes.txt',
                        type: 'user_attachment',
                        storage_path: prepared.storage_path,
                    },
                ],
            },
        })
        expect(finalized.status).toBe(200)
        expect(finalized.json).toEqual({
            artifacts: [
                {
                    id: prepared.id,
                    name: 'notes.txt',
                    type: 'user_attachment',
                    source: 'posthog_web',
                    size: 11,
                    content_type: 'text/plain',
                    storage_path: prepared.storage_path,
                    uploaded_at: expect.any(String),
                },
            ],
        })

        const run = await fake.call('POST', `${TASK}/run/`, { json: { pending_user_artifact_ids: [prepared.id] } })
        expect(run.status).toBe(200)
        expect(run.json).toMatchObject({
            latest_run: { state: { pending_user_artifact_ids: [prepared.id] }, artifacts: [{ id: prepared.id }] },
        })

        fake.state.expireStagedArtifact(prepared.id)
        const expired = await fake.call('POST', `${TASK}/run/`, { json: { pending_user_artifact_ids: [prepared.id] } })
        expect(expired.json).toEqual({
            detail: 'Some pending_user_artifact_ids are invalid or expired',
            missing_artifact_ids: [prepared.id],
        })
    })

    it.each([
        ['an empty list', { artifacts: [] }, 'empty', 'artifacts'],
        ['a zero size', { artifacts: [{ ...NOTES, size: 0 }] }, 'min_value', 'artifacts__0__size'],
        ['more than 30 MiB', { artifacts: [{ ...NOTES, size: 30 * MIB + 1 }] }, 'max_value', 'artifacts__0__size'],
        ['an unknown type', { artifacts: [{ ...NOTES, type: 'video' }] }, 'invalid_choice', 'artifacts__0__type'],
        ['a long name', { artifacts: [{ ...NOTES, name: 'n'.repeat(256) }] }, 'max_length', 'artifacts__0__name'],
        ['a long source', { artifacts: [{ ...NOTES, source: 's'.repeat(65) }] }, 'max_length', 'artifacts__0__source'],
        ['a missing size', { artifacts: [{ name: 'a', type: 'plan' }] }, 'required', 'artifacts__0__size'],
    ])('refuses to prepare %s', async (_name, json, code, attr) => {
        const fake = createTestFake()
        const response = await fake.call('POST', PREPARE, { json })
        expect(response.status).toBe(400)
        expect(response.json).toMatchObject({ type: 'validation_error', code, attr })
    })

    it('limits PDF attachments to 10 MB', async () => {
        const fake = createTestFake()
        const pdf = { name: 'spec.PDF', type: 'user_attachment', size: 10 * MIB + 1 }
        const response = await fake.call('POST', PREPARE, { json: { artifacts: [pdf] } })
        expect(response.status).toBe(400)
        expect(response.json).toMatchObject({ detail: expect.stringContaining('exceeds the 10MB attachment limit') })
        const asReference = await fake.call('POST', PREPARE, { json: { artifacts: [{ ...pdf, type: 'reference' }] } })
        expect(asReference.status).toBe(200)
    })

    it('needs task:write and a task the caller controls', async () => {
        const fake = createTestFake()
        const readOnly = await fake.call('POST', PREPARE, { key: 'phx_demo_readonly', json: { artifacts: [NOTES] } })
        expect(readOnly.status).toBe(403)
        const unknown = await fake.call(
            'POST',
            `/api/projects/${DEMO_PROJECT_ID}/tasks/nope/staged_artifacts/prepare_upload/`,
            {
                json: { artifacts: [NOTES] },
            }
        )
        expect(unknown.status).toBe(404)
    })

    describe('the fake bucket refuses', () => {
        const cases: [string, (fields: Record<string, string>) => FormData, number, string][] = [
            [
                'a wrong signature',
                (fields) => buildForm({ ...fields, 'x-amz-signature': '00' }, new Blob(['x'])),
                403,
                'SignatureDoesNotMatch',
            ],
            [
                'a changed field',
                (fields) => buildForm({ ...fields, 'Content-Type': 'text/html' }, new Blob(['x'])),
                403,
                'AccessDenied',
            ],
            [
                'an extra field',
                (fields) => buildForm({ ...fields, acl: 'public-read' }, new Blob(['x'])),
                403,
                'AccessDenied',
            ],
            ['a missing file', (fields) => buildForm(fields, undefined), 400, 'InvalidArgument'],
            [
                'fields sent after the file',
                ({ policy = '', ...fields }) => buildForm(fields, new Blob(['x']), { policy }),
                403,
                'SignatureDoesNotMatch',
            ],
            [
                'a file over size + 64 KiB',
                (fields) => buildForm(fields, new Blob([new Uint8Array(11 + 64 * 1024 + 1)])),
                400,
                'EntityTooLarge',
            ],
        ]

        it.each(cases)('%s', async (_name, makeForm, status, code) => {
            const fake = createTestFake()
            const prepared = await prepare(fake, NOTES)
            const response = await upload(fake, prepared.presigned_post.url, makeForm(prepared.presigned_post.fields))
            expect(response.status).toBe(status)
            expect(response.headers.get('content-type')).toBe('application/xml')
            expect(response.text).toContain(`<Error><Code>${code}</Code><Message>`)
        })

        it('an expired policy', async () => {
            const fake = createTestFake()
            const prepared = await prepare(fake, NOTES)
            fake.state.now = () => new Date(Date.now() + 2 * 3600 * 1000)
            const response = await upload(
                fake,
                prepared.presigned_post.url,
                buildForm(prepared.presigned_post.fields, new Blob(['x']))
            )
            expect(response.status).toBe(403)
            expect(response.text).toContain('Policy expired')
        })

        it('a body that is not multipart', async () => {
            const fake = createTestFake()
            const response = await fake.call('POST', '/__storage/upload', { key: null, json: { file: 'x' } })
            expect(response.status).toBe(412)
        })
    })

    describe('finalize refuses', () => {
        it.each([
            [
                'a path outside the task’s prefix',
                (path: string) => path.replace(DEMO_TASK_IDS.flakyLoginTest, DEMO_TASK_IDS.csvExport),
                true,
            ],
            ['an object that was never uploaded', (path: string) => path, false],
        ])('%s', async (_name, changePath, uploadFirst) => {
            const fake = createTestFake()
            const prepared = await prepare(fake, NOTES)
            if (uploadFirst) {
                await upload(
                    fake,
                    prepared.presigned_post.url,
                    buildForm(prepared.presigned_post.fields, new Blob(['hello']))
                )
            }
            const item = {
                id: prepared.id,
                name: 'notes.txt',
                type: 'user_attachment',
                storage_path: changePath(prepared.storage_path),
            }
            const response = await fake.call('POST', FINALIZE, { json: { artifacts: [item] } })
            expect(response.status).toBe(400)
            expect(response.json).toEqual({ error: expect.any(String) })
        })

        it('a staged id that is not finalized, when a run uses it', async () => {
            const fake = createTestFake()
            const prepared = await prepare(fake, NOTES)
            await upload(
                fake,
                prepared.presigned_post.url,
                buildForm(prepared.presigned_post.fields, new Blob(['hello']))
            )
            const run = await fake.call('POST', `${TASK}/run/`, { json: { pending_user_artifact_ids: [prepared.id] } })
            expect(run.json).toMatchObject({ missing_artifact_ids: [prepared.id] })
        })
    })
})
