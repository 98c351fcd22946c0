import { ApiError } from '../api/ApiError.ts'
import type { PostHogClient } from '../api/createPostHogClient.ts'
import { uploadToStorage } from '../api/uploadToStorage.ts'
import type { UploadEvent, UploadStep } from './attachmentsReducer.ts'

/** Recorded by PostHog with each staged file, as its own web app sends "posthog_web". */
export const ATTACHMENT_SOURCE = 'run_launcher'

export interface UploadAttachmentInput {
    client: Pick<PostHogClient, 'prepareUpload' | 'finalizeUpload'>
    taskId: string
    file: Blob
    name: string
    contentType: string
    /** Aborting stops the upload quietly: no further events. */
    signal: AbortSignal
    onEvent: (event: UploadEvent) => void
    /** The storage step; replaced in tests. */
    upload?: typeof uploadToStorage | undefined
}

const LEADS: Record<UploadStep, string> = {
    prepare: 'PostHog could not prepare the upload.',
    upload: '',
    finalize: 'PostHog could not confirm the upload.',
}

function failureMessage(step: UploadStep, error: unknown): string {
    const reason =
        error instanceof ApiError ? error.message : 'Something unexpected went wrong. Choose Retry to try again.'
    return `${LEADS[step]} ${reason}`.trim()
}

function oddAnswer(what: string): ApiError {
    const message = `${what} Choose Retry; if it keeps happening, this app may need an update.`
    return new ApiError({ info: { kind: 'unexpected' }, message, status: 200 })
}

class StepFailure extends Error {
    constructor(
        readonly step: UploadStep,
        readonly reason: unknown
    ) {
        super(step)
    }
}

async function step<T>(name: UploadStep, run: () => Promise<T>): Promise<T> {
    try {
        return await run()
    } catch (error) {
        throw new StepFailure(name, error)
    }
}

/** PostHog's three staged-upload steps for one file: prepare_upload, the storage POST, finalize_upload. */
export async function uploadAttachment(input: UploadAttachmentInput): Promise<void> {
    const { client, taskId, file, name, contentType, signal, onEvent } = input
    const upload = input.upload ?? uploadToStorage
    const emit = (event: UploadEvent) => {
        if (!signal.aborted) onEvent(event)
    }
    const artifact = { name, type: 'user_attachment', source: ATTACHMENT_SOURCE, content_type: contentType } as const
    try {
        const prepared = await step('prepare', async () => {
            const [first] = await client.prepareUpload(taskId, [{ ...artifact, size: file.size }], { signal })
            if (first === undefined) throw oddAnswer('It answered without an upload address.')
            return first
        })
        emit({ type: 'prepared' })
        await step('upload', () =>
            upload(prepared.presigned_post, file, {
                signal,
                fileName: name,
                onProgress: ({ loaded, total }) => {
                    emit({ type: 'progress', loaded, total })
                },
            })
        )
        emit({ type: 'uploaded' })
        const finalized = await step('finalize', async () => {
            const toFinalize = { ...artifact, id: prepared.id, storage_path: prepared.storage_path }
            const artifacts = await client.finalizeUpload(taskId, [toFinalize], { signal })
            const confirmed = artifacts.find((entry) => entry.id === prepared.id)
            if (confirmed === undefined) throw oddAnswer('It did not list the file as stored.')
            return confirmed
        })
        emit({ type: 'finalized', artifactId: finalized.id })
    } catch (error) {
        if (error instanceof StepFailure) emit({ type: 'failed', message: failureMessage(error.step, error.reason) })
        else emit({ type: 'failed', message: failureMessage('prepare', error) })
    }
}
