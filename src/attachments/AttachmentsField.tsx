import { memo, useEffect, useId, useReducer, useRef, useState, type ReactNode } from 'react'

import type { PostHogClient } from '../api/createPostHogClient.ts'
import type { uploadToStorage } from '../api/uploadToStorage.ts'
import { attachmentsReducer, emptyAttachments, isInFlight, ownedArtifactIds } from './attachmentsReducer.ts'
import type { Attachment, AttachmentStatus, UploadStep } from './attachmentsReducer.ts'
import { checkAttachment } from './checkAttachment.ts'
import { formatBytes } from './formatBytes.ts'
import { inferContentType } from './inferContentType.ts'
import { uploadAttachment } from './uploadAttachment.ts'

/** Ids PostHog called invalid or expired; applied each time `id` changes. */
export interface MissingArtifacts {
    id: number
    artifactIds: readonly string[]
}

export interface AttachmentsFieldProps {
    client: PostHogClient | undefined
    taskId: string
    /** The ids the files hold changed; the owner swaps `previous` for `next` in the field, keeping typed ids. */
    onArtifactIdsChange: (previous: readonly string[], next: readonly string[]) => void
    missingArtifacts?: MissingArtifacts | undefined
    /** The storage step; replaced in component tests. */
    upload?: typeof uploadToStorage | undefined
}

const FAILED_STEP: Record<UploadStep, string> = {
    prepare: 'Could not start',
    upload: 'Upload failed',
    finalize: 'Could not confirm',
}

const EXPIRED_MESSAGE =
    'PostHog no longer has this file (it expired or is invalid). Upload it again; its new ID replaces the old one.'

function statusText(status: AttachmentStatus): string {
    switch (status.kind) {
        case 'queued':
            return 'Waiting…'
        case 'preparing':
            return 'Preparing…'
        case 'uploading':
            return status.total > 0 ? `Uploading… ${Math.floor((status.loaded / status.total) * 100)}%` : 'Uploading…'
        case 'finalizing':
            return 'Confirming…'
        case 'done':
            return 'Attached'
        case 'failed':
            return FAILED_STEP[status.step]
        case 'expired':
            return 'Expired — upload again'
        case 'refused':
            return 'Not attached'
    }
}

function problemOf(status: AttachmentStatus): string | undefined {
    if (status.kind === 'failed' || status.kind === 'refused') return status.message
    return status.kind === 'expired' ? EXPIRED_MESSAGE : undefined
}

function summaryOf(items: readonly Attachment[]): string {
    if (items.length === 0) return ''
    const count = (test: (status: AttachmentStatus) => boolean) => items.filter((item) => test(item.status)).length
    const attached = count((status) => status.kind === 'done')
    const busy = count((status) => status.kind === 'queued' || isInFlight(status))
    const attention = items.length - attached - busy
    const parts = [`${attached} of ${items.length} ${items.length === 1 ? 'file' : 'files'} attached`]
    if (busy > 0) parts.push(`${busy} uploading`)
    if (attention > 0) parts.push(`${attention} ${attention === 1 ? 'needs' : 'need'} attention`)
    return `${parts.join(', ')}.`
}

/**
 * Files beside the prompt: each is staged in PostHog (prepare, upload, finalize) and its id fills the field.
 * Memoised: the launcher re-renders whenever one of PostHog's answers lands; this field need not.
 */
export const AttachmentsField = memo(function AttachmentsField({
    client,
    taskId,
    onArtifactIdsChange,
    missingArtifacts,
    upload,
}: AttachmentsFieldProps): ReactNode {
    const id = useId()
    const [state, dispatch] = useReducer(attachmentsReducer<File>, emptyAttachments<File>())
    const [dragging, setDragging] = useState(false)
    const controllers = useRef(new Map<string, AbortController>())
    const nextKey = useRef(0)
    const syncedIds = useRef<readonly string[]>([])

    const ready = client !== undefined && taskId !== ''
    const scope = ready ? [...client.scope, taskId].join('\n') : undefined

    // Ids are only valid for the task (and PostHog) they were staged for.
    const [seenScope, setSeenScope] = useState(scope)
    if (seenScope !== scope) {
        setSeenScope(scope)
        dispatch({ type: 'scopeChanged', scope })
    }
    const [seenMissing, setSeenMissing] = useState<number | undefined>()
    if (missingArtifacts !== undefined && missingArtifacts.id !== seenMissing) {
        setSeenMissing(missingArtifacts.id)
        dispatch({ type: 'markMissing', artifactIds: missingArtifacts.artifactIds })
    }

    useEffect(() => {
        const running = controllers.current
        return () => {
            for (const controller of running.values()) controller.abort()
            running.clear()
        }
    }, [scope])

    const ownedKey = ownedArtifactIds(state).join('\n')
    useEffect(() => {
        const previous = syncedIds.current
        if (previous.join('\n') === ownedKey) return
        const next = ownedKey === '' ? [] : ownedKey.split('\n')
        syncedIds.current = next
        onArtifactIdsChange(previous, next)
    }, [ownedKey, onArtifactIdsChange])

    const launch = (key: string, file: File) => {
        if (!ready || scope === undefined || controllers.current.has(key)) return
        const controller = new AbortController()
        controllers.current.set(key, controller)
        dispatch({ type: 'retry', key })
        dispatch({ type: 'start', key, scope })
        void uploadAttachment({
            client,
            taskId,
            file,
            name: file.name,
            contentType: inferContentType(file.name),
            signal: controller.signal,
            upload,
            onEvent: (event) => {
                dispatch({ type: 'event', key, event })
            },
        }).finally(() => {
            if (controllers.current.get(key) === controller) controllers.current.delete(key)
        })
    }

    const addFiles = (files: readonly File[]) => {
        if (!ready || files.length === 0) return
        const entries = files.map((file) => ({ key: `${id}-${String(nextKey.current++)}`, file }))
        dispatch({ type: 'add', files: entries })
        // Files over a limit are listed as refused and never sent.
        for (const { key, file } of entries) if (checkAttachment(file).ok) launch(key, file)
    }

    const remove = (key: string) => {
        controllers.current.get(key)?.abort()
        controllers.current.delete(key)
        dispatch({ type: 'remove', key })
    }

    const helpId = `${id}-help`
    return (
        <div className="attachments">
            <p id={helpId} className="field-help">
                Attach files for the agent: each is uploaded to PostHog and its ID added above. Up to 30 MB per file;
                PDFs up to 10 MB.
            </p>
            {ready ? (
                <div
                    className={dragging ? 'attachments-drop dragging' : 'attachments-drop'}
                    onDragOver={(event) => {
                        event.preventDefault()
                        event.dataTransfer.dropEffect = 'copy'
                        setDragging(true)
                    }}
                    onDragLeave={(event) => {
                        if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) {
                            return
                        }
                        setDragging(false)
                    }}
                    onDrop={(event) => {
                        event.preventDefault()
                        setDragging(false)
                        addFiles([...event.dataTransfer.files])
                    }}
                >
                    <span aria-hidden="true">Drop files here or</span>
                    <label className="button small file-button" htmlFor={`${id}-input`}>
                        Add files
                    </label>
                    <input
                        id={`${id}-input`}
                        className="visually-hidden"
                        type="file"
                        multiple
                        aria-describedby={helpId}
                        onChange={(event) => {
                            addFiles([...(event.target.files ?? [])])
                            // The same file can be picked again after a remove.
                            event.target.value = ''
                        }}
                    />
                </div>
            ) : (
                <p className="attachments-waiting">Connect and choose a task to attach files.</p>
            )}
            {state.items.length > 0 ? (
                <ul className="attachment-list" aria-label="Attached files">
                    {state.items.map((item) => (
                        <AttachmentRow
                            key={item.key}
                            item={item}
                            canUpload={ready}
                            onRemove={() => {
                                remove(item.key)
                            }}
                            onRetry={() => {
                                launch(item.key, item.file)
                            }}
                        />
                    ))}
                </ul>
            ) : null}
            <p className="visually-hidden" role="status">
                {summaryOf(state.items)}
            </p>
        </div>
    )
})

interface AttachmentRowProps {
    item: Attachment<File>
    canUpload: boolean
    onRemove: () => void
    onRetry: () => void
}

function AttachmentRow({ item, canUpload, onRemove, onRetry }: AttachmentRowProps): ReactNode {
    const { status, file } = item
    const problemId = useId()
    const problem = problemOf(status)
    const retryLabel = status.kind === 'expired' ? 'Upload again' : status.kind === 'failed' ? 'Retry' : undefined
    return (
        <li className="attachment" data-status={status.kind}>
            <div className="attachment-head">
                <span className="attachment-name">{file.name}</span>
                <span className="attachment-size">{formatBytes(file.size)}</span>
                <span className="attachment-status">{statusText(status)}</span>
            </div>
            {isInFlight(status) || status.kind === 'queued' ? (
                <progress
                    className="attachment-progress"
                    aria-label={`Upload progress for ${file.name}`}
                    {...(status.kind === 'uploading' && status.total > 0
                        ? { value: status.loaded, max: status.total }
                        : {})}
                />
            ) : null}
            {problem === undefined ? null : (
                <p id={problemId} className="field-error" role="alert">
                    {problem}
                </p>
            )}
            <div className="attachment-actions">
                {retryLabel === undefined ? null : (
                    <button
                        type="button"
                        className="button small"
                        disabled={!canUpload}
                        aria-describedby={problem === undefined ? undefined : problemId}
                        aria-label={`${retryLabel} ${file.name}`}
                        onClick={onRetry}
                    >
                        {retryLabel}
                    </button>
                )}
                <button type="button" className="button small" aria-label={`Remove ${file.name}`} onClick={onRemove}>
                    Remove
                </button>
            </div>
        </li>
    )
}
