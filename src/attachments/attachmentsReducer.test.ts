import { describe, expect, it } from 'vitest'

import type { AttachmentFile } from './checkAttachment.ts'
import {
    attachmentsReducer,
    emptyAttachments,
    OTHER_TASK_MESSAGE,
    ownedArtifactIds,
    STOPPED_MESSAGE,
} from './attachmentsReducer.ts'
import type { AttachmentsAction, AttachmentsState, AttachmentStatus, UploadEvent } from './attachmentsReducer.ts'

const NOTES: AttachmentFile = { name: 'notes.md', size: 120, type: 'text/markdown' }
const HUGE_PDF: AttachmentFile = { name: 'spec.pdf', size: 11 * 1024 * 1024, type: 'application/pdf' }
const SCOPE = 'posthog\nhttps://us.posthog.com\n1\ntask-1'

function run(actions: readonly AttachmentsAction[], state: AttachmentsState = emptyAttachments()) {
    return actions.reduce(attachmentsReducer, state)
}

function statusOf(state: AttachmentsState, key = 'a'): AttachmentStatus | undefined {
    return state.items.find((item) => item.key === key)?.status
}

const event = (key: string, value: UploadEvent): AttachmentsAction => ({ type: 'event', key, event: value })
const ADD: AttachmentsAction = { type: 'add', files: [{ key: 'a', file: NOTES }] }
const START: AttachmentsAction = { type: 'start', key: 'a', scope: SCOPE }
const TO_DONE: AttachmentsAction[] = [
    ADD,
    START,
    event('a', { type: 'prepared' }),
    event('a', { type: 'progress', loaded: 60, total: 120 }),
    event('a', { type: 'uploaded' }),
    event('a', { type: 'finalized', artifactId: 'id-1' }),
]

describe('attachmentsReducer', () => {
    it('queues a file within the limits and refuses one over them, never starting it', () => {
        const state = run([
            {
                type: 'add',
                files: [
                    { key: 'a', file: NOTES },
                    { key: 'b', file: HUGE_PDF },
                ],
            },
            { type: 'start', key: 'b', scope: SCOPE },
        ])
        expect(statusOf(state, 'a')).toEqual({ kind: 'queued' })
        expect(statusOf(state, 'b')).toMatchObject({ kind: 'refused', message: expect.stringMatching(/at most 10 MB/) })
    })

    it('walks queued → preparing → uploading(progress) → finalizing → done', () => {
        const seen = TO_DONE.map((_, index) => statusOf(run(TO_DONE.slice(0, index + 1))))
        expect(seen).toEqual([
            { kind: 'queued' },
            { kind: 'preparing' },
            { kind: 'uploading', loaded: 0, total: 0 },
            { kind: 'uploading', loaded: 60, total: 120 },
            { kind: 'finalizing' },
            { kind: 'done', artifactId: 'id-1' },
        ])
        expect(run(TO_DONE).items[0]?.stagedFor).toBe(SCOPE)
    })

    it.each<[string, AttachmentsAction[], string]>([
        ['prepare', [ADD, START], 'prepare'],
        ['upload', [ADD, START, event('a', { type: 'prepared' })], 'upload'],
        ['finalize', [ADD, START, event('a', { type: 'prepared' }), event('a', { type: 'uploaded' })], 'finalize'],
    ])('records a failure at the %s step with its message', (_, actions, step) => {
        const state = run([...actions, event('a', { type: 'failed', message: 'Nope.' })])
        expect(statusOf(state)).toEqual({ kind: 'failed', step, message: 'Nope.' })
    })

    it('ignores events that arrive out of order or late', () => {
        const queued = run([ADD])
        expect(statusOf(run([event('a', { type: 'finalized', artifactId: 'x' })], queued))).toEqual({ kind: 'queued' })
        const done = run(TO_DONE)
        expect(statusOf(run([event('a', { type: 'failed', message: 'late' })], done))).toEqual({
            kind: 'done',
            artifactId: 'id-1',
        })
        expect(run([{ type: 'remove', key: 'a' }, event('a', { type: 'prepared' })], done).items).toEqual([])
    })

    it('retries a failed file from the start, and only a failed or expired one', () => {
        const failed = run([ADD, START, event('a', { type: 'failed', message: 'x' })])
        expect(statusOf(run([{ type: 'retry', key: 'a' }, START], failed))).toEqual({ kind: 'preparing' })
        const done = run(TO_DONE)
        expect(statusOf(run([{ type: 'retry', key: 'a' }], done))).toEqual({ kind: 'done', artifactId: 'id-1' })
    })

    it('marks the files whose ids PostHog called missing, keeping the id until a new upload replaces it', () => {
        const two = run([
            ...TO_DONE,
            { type: 'add', files: [{ key: 'b', file: NOTES }] },
            { type: 'start', key: 'b', scope: SCOPE },
            event('b', { type: 'prepared' }),
            event('b', { type: 'uploaded' }),
            event('b', { type: 'finalized', artifactId: 'id-2' }),
        ])
        const marked = run([{ type: 'markMissing', artifactIds: ['id-2', 'typed-by-hand'] }], two)
        expect(statusOf(marked, 'a')).toEqual({ kind: 'done', artifactId: 'id-1' })
        expect(statusOf(marked, 'b')).toEqual({ kind: 'expired', artifactId: 'id-2' })
        expect(ownedArtifactIds(marked)).toEqual(['id-1', 'id-2'])

        const again = run(
            [
                { type: 'retry', key: 'b' },
                { type: 'start', key: 'b', scope: SCOPE },
            ],
            marked
        )
        expect(ownedArtifactIds(again)).toEqual(['id-1'])
        const replaced = run(
            [
                event('b', { type: 'prepared' }),
                event('b', { type: 'uploaded' }),
                event('b', { type: 'finalized', artifactId: 'id-3' }),
            ],
            again
        )
        expect(ownedArtifactIds(replaced)).toEqual(['id-1', 'id-3'])
    })

    it('stops uploads in flight when the task or connection changes, and re-stages files for a new task', () => {
        const mixed = run([
            ...TO_DONE,
            { type: 'add', files: [{ key: 'b', file: NOTES }] },
            { type: 'start', key: 'b', scope: SCOPE },
        ])
        const away = run([{ type: 'scopeChanged', scope: undefined }], mixed)
        expect(statusOf(away, 'a')).toEqual({ kind: 'done', artifactId: 'id-1' })
        expect(statusOf(away, 'b')).toEqual({ kind: 'failed', step: 'prepare', message: STOPPED_MESSAGE })

        expect(statusOf(run([{ type: 'scopeChanged', scope: SCOPE }], away), 'a')).toEqual({
            kind: 'done',
            artifactId: 'id-1',
        })
        const elsewhere = run([{ type: 'scopeChanged', scope: `${SCOPE}-other` }], away)
        expect(statusOf(elsewhere, 'a')).toEqual({ kind: 'failed', step: 'prepare', message: OTHER_TASK_MESSAGE })
        expect(ownedArtifactIds(elsewhere)).toEqual([])
    })
})
