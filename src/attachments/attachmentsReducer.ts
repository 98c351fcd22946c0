import { checkAttachment } from './checkAttachment.ts'
import type { AttachmentFile } from './checkAttachment.ts'

export type UploadStep = 'prepare' | 'upload' | 'finalize'

/** One file's life: queued → preparing → uploading → finalizing → done, or failed / expired / refused. */
export type AttachmentStatus =
    | { kind: 'queued' }
    | { kind: 'preparing' }
    | { kind: 'uploading'; loaded: number; total: number }
    | { kind: 'finalizing' }
    | { kind: 'done'; artifactId: string }
    | { kind: 'failed'; step: UploadStep; message: string }
    /** PostHog no longer knows the id; it stays in the field until a new upload replaces it. */
    | { kind: 'expired'; artifactId: string }
    /** Over a limit: never sent anywhere. */
    | { kind: 'refused'; message: string }

export interface Attachment<F extends AttachmentFile = AttachmentFile> {
    key: string
    file: F
    status: AttachmentStatus
    /** Where the last upload was started (connection and task); its id is only valid there. */
    stagedFor: string | undefined
}

export interface AttachmentsState<F extends AttachmentFile = AttachmentFile> {
    items: readonly Attachment<F>[]
}

/** What the upload of one file reports as it goes. */
export type UploadEvent =
    | { type: 'prepared' }
    | { type: 'progress'; loaded: number; total: number }
    | { type: 'uploaded' }
    | { type: 'finalized'; artifactId: string }
    | { type: 'failed'; message: string }

export type AttachmentsAction<F extends AttachmentFile = AttachmentFile> =
    | { type: 'add'; files: readonly { key: string; file: F }[] }
    | { type: 'remove'; key: string }
    | { type: 'start'; key: string; scope: string }
    | { type: 'event'; key: string; event: UploadEvent }
    | { type: 'retry'; key: string }
    | { type: 'markMissing'; artifactIds: readonly string[] }
    | { type: 'scopeChanged'; scope: string | undefined }

export const STOPPED_MESSAGE = 'The upload stopped because the connection or task changed. Choose Retry.'
export const OTHER_TASK_MESSAGE = 'This file was attached for another task. Choose Retry to attach it to this one.'

export function emptyAttachments<F extends AttachmentFile>(): AttachmentsState<F> {
    return { items: [] }
}

export function isInFlight(status: AttachmentStatus): boolean {
    return status.kind === 'preparing' || status.kind === 'uploading' || status.kind === 'finalizing'
}

function stepOf(status: AttachmentStatus): UploadStep | undefined {
    if (status.kind === 'preparing') return 'prepare'
    if (status.kind === 'uploading') return 'upload'
    if (status.kind === 'finalizing') return 'finalize'
    return undefined
}

// Events only move a file forward from the state they belong to; late ones (after remove or retry) are dropped.
function applyEvent(status: AttachmentStatus, event: UploadEvent): AttachmentStatus {
    switch (event.type) {
        case 'prepared':
            return status.kind === 'preparing' ? { kind: 'uploading', loaded: 0, total: 0 } : status
        case 'progress':
            return status.kind === 'uploading'
                ? { kind: 'uploading', loaded: event.loaded, total: event.total }
                : status
        case 'uploaded':
            return status.kind === 'uploading' ? { kind: 'finalizing' } : status
        case 'finalized':
            return status.kind === 'finalizing' ? { kind: 'done', artifactId: event.artifactId } : status
        case 'failed': {
            const step = stepOf(status)
            return step === undefined ? status : { kind: 'failed', step, message: event.message }
        }
    }
}

function newAttachment<F extends AttachmentFile>(key: string, file: F): Attachment<F> {
    const check = checkAttachment(file)
    return {
        key,
        file,
        status: check.ok ? { kind: 'queued' } : { kind: 'refused', message: check.message },
        stagedFor: undefined,
    }
}

function onScopeChange<F extends AttachmentFile>(item: Attachment<F>, scope: string | undefined): Attachment<F> {
    const { status } = item
    const step = stepOf(status)
    if (step !== undefined) return { ...item, status: { kind: 'failed', step, message: STOPPED_MESSAGE } }
    const staged = status.kind === 'done' || status.kind === 'expired'
    // Back at no task, ids are kept: choosing the same task again still finds them valid.
    if (staged && scope !== undefined && item.stagedFor !== scope) {
        return { ...item, status: { kind: 'failed', step: 'prepare', message: OTHER_TASK_MESSAGE } }
    }
    return item
}

export function attachmentsReducer<F extends AttachmentFile>(
    state: AttachmentsState<F>,
    action: AttachmentsAction<F>
): AttachmentsState<F> {
    const update = (key: string, change: (item: Attachment<F>) => Attachment<F>): AttachmentsState<F> => ({
        items: state.items.map((item) => (item.key === key ? change(item) : item)),
    })
    switch (action.type) {
        case 'add':
            return { items: [...state.items, ...action.files.map(({ key, file }) => newAttachment(key, file))] }
        case 'remove':
            return { items: state.items.filter((item) => item.key !== action.key) }
        case 'start':
            return update(action.key, (item) =>
                item.status.kind === 'queued'
                    ? { ...item, status: { kind: 'preparing' }, stagedFor: action.scope }
                    : item
            )
        case 'event':
            return update(action.key, (item) => {
                const status = applyEvent(item.status, action.event)
                return status === item.status ? item : { ...item, status }
            })
        case 'retry':
            return update(action.key, (item) =>
                item.status.kind === 'failed' || item.status.kind === 'expired'
                    ? { ...item, status: { kind: 'queued' } }
                    : item
            )
        case 'markMissing': {
            const missing = new Set(action.artifactIds)
            return {
                items: state.items.map((item) =>
                    item.status.kind === 'done' && missing.has(item.status.artifactId)
                        ? { ...item, status: { kind: 'expired', artifactId: item.status.artifactId } }
                        : item
                ),
            }
        }
        case 'scopeChanged':
            return { items: state.items.map((item) => onScopeChange(item, action.scope)) }
    }
}

/** The ids this list puts into pending_user_artifact_ids, in list order. */
export function ownedArtifactIds(state: AttachmentsState): string[] {
    return state.items.flatMap((item) =>
        item.status.kind === 'done' || item.status.kind === 'expired' ? [item.status.artifactId] : []
    )
}
