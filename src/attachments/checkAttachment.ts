import { formatBytes } from './formatBytes.ts'
import { inferContentType } from './inferContentType.ts'

/** TASK_RUN_ARTIFACT_MAX_SIZE_BYTES. */
export const MAX_ATTACHMENT_BYTES = 31_457_280
/** PostHog's lower limit for PDF user attachments. */
export const MAX_PDF_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const MAX_ATTACHMENT_NAME_LENGTH = 255

export interface AttachmentFile {
    name: string
    size: number
    /** The browser's own guess; '' when it has none. */
    type: string
}

export type AttachmentCheck = { ok: true } | { ok: false; message: string }

/** PostHog treats a file as a PDF by its .pdf name or its application/pdf type. */
export function isPdf(file: AttachmentFile): boolean {
    return (
        file.name.toLowerCase().endsWith('.pdf') ||
        file.type === 'application/pdf' ||
        inferContentType(file.name) === 'application/pdf'
    )
}

export function attachmentLimit(file: AttachmentFile): number {
    return isPdf(file) ? MAX_PDF_ATTACHMENT_BYTES : MAX_ATTACHMENT_BYTES
}

/** PostHog's limits, checked before anything is uploaded. */
export function checkAttachment(file: AttachmentFile): AttachmentCheck {
    if (file.name.length > MAX_ATTACHMENT_NAME_LENGTH) {
        return {
            ok: false,
            message: `The file name is longer than ${MAX_ATTACHMENT_NAME_LENGTH} characters. Rename the file, then add it again.`,
        }
    }
    if (file.size < 1) {
        return { ok: false, message: `${file.name} is empty. Choose a file with content.` }
    }
    const limit = attachmentLimit(file)
    if (file.size > limit) {
        const kind = isPdf(file) ? 'PDFs' : 'files'
        return {
            ok: false,
            message: `${file.name} is ${formatBytes(file.size)}; ${kind} can be at most ${formatBytes(limit)}. Compress or split it, then add it again.`,
        }
    }
    return { ok: true }
}
