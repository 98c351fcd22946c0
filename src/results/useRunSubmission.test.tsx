// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import { startFakePostHog, type FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { createPostHogClient, type PostHogClient } from '../api/createPostHogClient.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { createRunHistoryStore } from './runHistory.ts'
import { useRunSubmission, type RunSubmissionOptions } from './useRunSubmission.ts'

let fake: FakePostHog

beforeAll(async () => {
    fake = await startFakePostHog()
})

afterAll(async () => {
    await fake.close()
})

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
    const items = new Map<string, string>()
    return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => items.set(key, value) }
}

function renderSubmission(client: PostHogClient | undefined, taskId: string) {
    const events = { onBlocked: vi.fn(), onStarted: vi.fn(), onFailed: vi.fn() }
    const storage = memoryStorage()
    const options: RunSubmissionOptions = {
        client,
        model: BUNDLED_FIELD_MODEL,
        taskId,
        taskTitle: undefined,
        linkHost: fake.origin,
        historyStore: createRunHistoryStore(storage),
        startBlocked: false,
        events,
    }
    const queryClient = new QueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    )
    const hook = renderHook(() => useRunSubmission(options), { wrapper })
    return { hook, events, storage }
}

const clientFor = (apiKey: string = DEMO_KEYS.full) =>
    createPostHogClient({ host: fake.origin, projectId: String(DEMO_PROJECT_ID), apiKey })

describe('useRunSubmission', () => {
    it('says what is missing instead of sending: a connection, then a task', () => {
        const notConnected = renderSubmission(undefined, DEMO_TASK_IDS.flakyLoginTest)
        act(() => {
            notConnected.hook.result.current.startRun({ model: 'claude-sonnet-5' })
        })
        expect(notConnected.hook.result.current.blocker).toBe('connect')
        expect(notConnected.events.onBlocked).toHaveBeenCalledWith('connect')

        const noTask = renderSubmission(clientFor(), '')
        act(() => {
            noTask.hook.result.current.startRun({ model: 'claude-sonnet-5' })
        })
        expect(noTask.hook.result.current.blocker).toBe('task')
        act(() => {
            noTask.hook.result.current.taskChosen()
        })
        expect(noTask.hook.result.current.blocker).toBeUndefined()
        expect(fake.requests.filter((request) => request.method === 'POST')).toHaveLength(0)
    })

    it('starts the run, shows it, keeps it in the recent runs and tells others', async () => {
        const { hook, events, storage } = renderSubmission(clientFor(), DEMO_TASK_IDS.flakyLoginTest)
        act(() => {
            hook.result.current.startRun({ model: 'claude-sonnet-5', mode: 'background', runtime_adapter: 'claude' })
        })
        await waitFor(() => {
            expect(hook.result.current.result?.taskId).toBe(DEMO_TASK_IDS.flakyLoginTest)
        })
        const runId = hook.result.current.result?.runId
        expect(hook.result.current.history.map((run) => run.runId)).toEqual([runId])
        expect(storage.getItem('run-launcher:recent-runs:v1')).toContain(String(runId))
        expect(events.onStarted).toHaveBeenCalledWith(expect.objectContaining({ runId }), expect.any(String))
        expect(hook.result.current.submitting).toBe(false)
    })

    it('puts what PostHog refused on the form and tells others', async () => {
        const { hook, events } = renderSubmission(clientFor(DEMO_KEYS.readOnly), DEMO_TASK_IDS.flakyLoginTest)
        act(() => {
            hook.result.current.startRun({ model: 'claude-sonnet-5', mode: 'background', runtime_adapter: 'claude' })
        })
        await waitFor(() => {
            expect(events.onFailed).toHaveBeenCalledTimes(1)
        })
        expect(hook.result.current.result).toBeUndefined()
        expect(hook.result.current.history).toEqual([])
        expect(hook.result.current.submitError ?? hook.result.current.serverErrors).toBeDefined()
    })
})
