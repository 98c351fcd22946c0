// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { createPostHogClient } from '../api/createPostHogClient.ts'
import type { PostHogClient } from '../api/createPostHogClient.ts'
import { AttachmentsField } from './AttachmentsField.tsx'
import type { AttachmentsFieldProps } from './AttachmentsField.tsx'

const TASK = DEMO_TASK_IDS.flakyLoginTest
const OTHER_TASK = DEMO_TASK_IDS.csvExport
const WAIT = { timeout: 5_000 }

let fake: FakePostHog
let client: PostHogClient

beforeAll(async () => {
    fake = await startFakePostHog()
    client = createPostHogClient({ host: fake.origin, projectId: String(DEMO_PROJECT_ID), apiKey: DEMO_KEYS.full })
})

afterAll(async () => {
    await fake.close()
})

/** Renders the field and keeps the ids it hands out, as the app's form would. */
function renderField(props: Partial<AttachmentsFieldProps> = {}) {
    const field = { ids: [] as string[] }
    const base: AttachmentsFieldProps = {
        client,
        taskId: TASK,
        onArtifactIdsChange: (previous, next) => {
            field.ids = [...field.ids.filter((id) => !previous.includes(id)), ...next]
        },
        ...props,
    }
    const view = render(<AttachmentsField {...base} />)
    const rerender = (changes: Partial<AttachmentsFieldProps>) => {
        view.rerender(<AttachmentsField {...base} {...changes} />)
    }
    return { field, rerender }
}

function row(name: string) {
    const item = screen.getAllByRole('listitem').find((entry) => within(entry).queryAllByText(name).length > 0)
    if (!item) throw new Error(`no row for ${name}`)
    return within(item)
}

function stagedTaskOf(id: string | undefined): string | undefined {
    return id === undefined ? undefined : fake.state.stagedArtifacts.get(id)?.taskId
}

describe('AttachmentsField', () => {
    it('explains what it needs before a connection and a task exist', () => {
        renderField({ client: undefined })
        expect(screen.getByText('Connect and choose a task to attach files.')).toBeVisible()
        expect(screen.queryByLabelText('Add files')).toBeNull()
    })

    it('stages dropped files and hands out their ids in list order', async () => {
        const { field } = renderField()
        const files = [new File(['a'], 'a.txt', { type: 'text/plain' }), new File(['bb'], 'b.csv')]
        fireEvent.drop(screen.getByText('Drop files here or').parentElement ?? document.body, {
            dataTransfer: { files },
        })
        expect(await row('a.txt').findByText('Attached', {}, WAIT)).toBeVisible()
        expect(await row('b.csv').findByText('Attached', {}, WAIT)).toBeVisible()
        // The ids are handed out in an effect after the render that says "Attached".
        await waitFor(() => {
            expect(field.ids.map(stagedTaskOf)).toEqual([TASK, TASK])
        })
        expect(field.ids.map((id) => fake.state.stagedArtifacts.get(id)?.name)).toEqual(['a.txt', 'b.csv'])
        expect(screen.getByRole('status')).toHaveTextContent('2 of 2 files attached.')
    })

    it('refuses an empty file without contacting PostHog', async () => {
        const before = fake.requests.length
        renderField()
        await userEvent.upload(screen.getByLabelText('Add files'), new File([], 'empty.txt'))
        expect(row('empty.txt').getByRole('alert')).toHaveTextContent('empty.txt is empty. Choose a file with content.')
        expect(row('empty.txt').queryByRole('button', { name: /Retry/ })).toBeNull()
        expect(fake.requests.length).toBe(before)
    })

    it('takes ids back when the task changes, and re-stages a file for the new task on Retry', async () => {
        const { field, rerender } = renderField()
        await userEvent.upload(screen.getByLabelText('Add files'), new File(['notes'], 'notes.md'))
        expect(await row('notes.md').findByText('Attached', {}, WAIT)).toBeVisible()
        await waitFor(() => {
            expect(field.ids.map(stagedTaskOf)).toEqual([TASK])
        })

        rerender({ taskId: OTHER_TASK })
        expect(row('notes.md').getByRole('alert')).toHaveTextContent(
            'This file was attached for another task. Choose Retry to attach it to this one.'
        )
        expect(field.ids).toEqual([])

        await userEvent.click(row('notes.md').getByRole('button', { name: 'Retry notes.md' }))
        expect(await row('notes.md').findByText('Attached', {}, WAIT)).toBeVisible()
        await waitFor(() => {
            expect(field.ids.map(stagedTaskOf)).toEqual([OTHER_TASK])
        })
    })

    it('marks a file whose id PostHog reported missing and replaces the id after one click', async () => {
        const { field, rerender } = renderField()
        await userEvent.upload(screen.getByLabelText('Add files'), new File(['notes'], 'notes.md'))
        expect(await row('notes.md').findByText('Attached', {}, WAIT)).toBeVisible()
        await waitFor(() => {
            expect(field.ids).toHaveLength(1)
        })
        const [oldId = ''] = field.ids

        rerender({ missingArtifacts: { id: 1, artifactIds: [oldId, 'typed-by-hand'] } })
        expect(row('notes.md').getByText('Expired — upload again')).toBeVisible()
        expect(field.ids).toEqual([oldId])

        await userEvent.click(row('notes.md').getByRole('button', { name: 'Upload again notes.md' }))
        expect(await row('notes.md').findByText('Attached', {}, WAIT)).toBeVisible()
        await waitFor(() => {
            expect(field.ids).toHaveLength(1)
        })
        expect(field.ids[0]).not.toBe(oldId)
    })
})
