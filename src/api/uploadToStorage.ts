import { ApiError } from './ApiError.ts'
import type { ApiErrorInfo } from './ApiError.ts'
import type { PresignedPost } from './postHogSchemas.ts'

export interface UploadProgress {
    loaded: number
    total: number
}

export interface UploadToStorageOptions {
    onProgress?: ((progress: UploadProgress) => void) | undefined
    signal?: AbortSignal | undefined
    /** The file name sent with the file part; storage keys come from the presigned fields, not from it. */
    fileName?: string | undefined
}

const MAX_DETAIL = 300
const XML_ENTITIES: ReadonlyMap<string, string> = new Map([
    ['lt', '<'],
    ['gt', '>'],
    ['quot', '"'],
    ['apos', "'"],
    ['amp', '&'],
])

function decodeXmlText(text: string): string {
    return text.replace(/&(lt|gt|quot|apos|amp);/g, (entity, name: string) => XML_ENTITIES.get(name) ?? entity)
}

/** S3 answers refusals as <Error><Code>…</Code><Message>…</Message></Error>; anything else reads as absent. */
export function readStorageError(body: string): { code: string | undefined; message: string | undefined } {
    const read = (tag: string) => {
        const value = new RegExp(`<${tag}>([^<]{1,${MAX_DETAIL}})</${tag}>`).exec(body)?.[1]?.trim()
        return value ? decodeXmlText(value) : undefined
    }
    return { code: read('Code'), message: read('Message') }
}

function originOf(url: string): string {
    try {
        return new URL(url).origin
    } catch {
        return url
    }
}

function sentence(text: string): string {
    return /[.!?]$/.test(text) ? text : `${text}.`
}

/** The user-facing refusal: what the storage said and what to do about it. */
export function storageRefusal(status: number, body: string): ApiError {
    const { code, message } = readStorageError(body)
    const said = message === undefined ? '' : ` It said: ${sentence(message)}`
    let info: ApiErrorInfo
    let text: string
    if (message !== undefined && /policy expired/i.test(message)) {
        info = { kind: 'forbidden', reason: 'other' }
        text = 'The upload link expired before the file was sent. Choose Retry to get a new one.'
    } else if (code === 'EntityTooLarge') {
        info = { kind: 'validation', attr: undefined, field: undefined, missingArtifactIds: [] }
        text =
            'The file storage refused the file as larger than announced; the file may have changed since you picked it. Remove it and attach it again.'
    } else if (status === 403) {
        info = { kind: 'forbidden', reason: 'other' }
        text = `The file storage refused the upload (status 403).${said} Choose Retry to prepare a new upload.`
    } else if (status >= 500) {
        info = { kind: 'server' }
        text = `The file storage had a problem (status ${status}).${said} Try again in a minute.`
    } else {
        info = { kind: 'unexpected' }
        text = `The file storage refused the upload (status ${status}).${said} Choose Retry; if it keeps failing, remove the file and attach it again.`
    }
    return new ApiError({ info, message: text, status, code, detail: message })
}

function unreachable(url: string): ApiError {
    return new ApiError({
        info: { kind: 'network', reason: 'unreachable' },
        // A CORS or CSP refusal and a dropped connection look the same to the page.
        message: `The file storage at ${originOf(url)} could not be reached, or it does not accept uploads from this site. Check your connection and choose Retry. If it keeps failing, ask whoever runs Run Launcher to allow uploads to this storage, or stage the file with PostHog’s API and type its ID in the field.`,
        status: 0,
    })
}

function cancelled(): ApiError {
    return new ApiError({
        info: { kind: 'network', reason: 'cancelled' },
        message: 'The upload was cancelled.',
        status: 0,
    })
}

/**
 * Step 2 of a staged upload: the presigned multipart POST straight to storage, with progress.
 * XMLHttpRequest because fetch reports no upload progress; never credentialed, as bucket CORS rules expect.
 */
export function uploadToStorage(
    presignedPost: PresignedPost,
    file: Blob,
    options: UploadToStorageOptions = {}
): Promise<void> {
    const { onProgress, signal } = options
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(cancelled())
            return
        }
        const form = new FormData()
        // S3 ignores fields after the file, so every presigned field goes first, as issued.
        for (const [name, value] of Object.entries(presignedPost.fields)) form.append(name, value)
        if (options.fileName === undefined) form.append('file', file)
        else form.append('file', file, options.fileName)

        const request = new XMLHttpRequest()
        const onAbort = () => {
            request.abort()
        }
        const settle = (error?: ApiError) => {
            signal?.removeEventListener('abort', onAbort)
            if (error) reject(error)
            else resolve()
        }
        request.open('POST', presignedPost.url)
        request.withCredentials = false
        request.upload.addEventListener('progress', (event) => {
            if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total })
        })
        request.addEventListener('load', () => {
            if (request.status >= 200 && request.status < 300) {
                onProgress?.({ loaded: file.size, total: file.size })
                settle()
            } else {
                settle(storageRefusal(request.status, request.responseText))
            }
        })
        request.addEventListener('error', () => {
            settle(unreachable(presignedPost.url))
        })
        request.addEventListener('abort', () => {
            settle(cancelled())
        })
        signal?.addEventListener('abort', onAbort, { once: true })
        request.send(form)
    })
}
