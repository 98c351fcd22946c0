// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { MutationObserver, QueryClient } from '@tanstack/react-query'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { ApiError } from './ApiError.ts'
import { postHogKeys } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'
import { createPostHogClient } from './createPostHogClient.ts'
import { runTaskMutationOptions } from './runTaskMutationOptions.ts'

let fake: FakePostHog
let client: PostHogClient
const TASK = DEMO_TASK_IDS.darkMode

beforeAll(async () => {
    fake = await startFakePostHog()
    client = createPostHogClient({ host: fake.origin, projectId: String(DEMO_PROJECT_ID), apiKey: DEMO_KEYS.full })
})

afterAll(async () => {
    await fake.close()
})

function waitForEmptyMutationCache(qc: QueryClient): Promise<void> {
    return new Promise((resolve) => {
        const check = () => {
            if (qc.getMutationCache().getAll().length === 0) resolve()
            else setTimeout(check, 1)
        }
        check()
    })
}

describe('runTaskMutationOptions', () => {
    it('keeps nothing and never retries', () => {
        const options = runTaskMutationOptions(client)
        expect(options).toMatchObject({ gcTime: 0, retry: false, mutationKey: postHogKeys.runTask(client.scope) })
    })

    it('starts the run, seeds the run and task queries, and forgets the variables', async () => {
        const qc = new QueryClient()
        const observer = new MutationObserver(qc, runTaskMutationOptions(client))
        // Subscribed, as useMutation is: the observer holds on to its last mutation.
        const unsubscribe = observer.subscribe(() => undefined)
        const body = { runtime_adapter: 'claude', model: 'claude-sonnet-5', github_user_token: 'ghu_secret_value' }
        const started = await observer.mutate({ taskId: TASK, body })
        expect(started.runId).toEqual(expect.any(String))
        const runId = started.runId ?? ''
        expect(qc.getQueryData(postHogKeys.run(client.scope, TASK, runId))).toMatchObject({
            id: runId,
            status: 'queued',
        })
        expect(qc.getQueryData(postHogKeys.task(client.scope, TASK))).toMatchObject({ id: TASK })
        expect(qc.getMutationCache().getAll()).toHaveLength(0)
        expect(
            JSON.stringify(
                qc
                    .getMutationCache()
                    .getAll()
                    .map((mutation) => mutation.state)
            )
        ).not.toContain('ghu_secret_value')
        unsubscribe()
    })

    it('forgets the variables of a failed run too', async () => {
        const qc = new QueryClient()
        const observer = new MutationObserver(qc, runTaskMutationOptions(client))
        const unsubscribe = observer.subscribe(() => undefined)
        const body = { runtime_adapter: 'claude', github_user_token: 'ghu_secret_value' }
        await observer.mutate({ taskId: TASK, body }).catch(() => undefined)
        expect(observer.getCurrentResult().status).toBe('error')
        expect(qc.getMutationCache().getAll()).toHaveLength(0)
        unsubscribe()
    })

    it('leaves a run still in flight in the cache', async () => {
        const qc = new QueryClient()
        const observer = new MutationObserver(qc, runTaskMutationOptions(client))
        const pending = observer.mutate({ taskId: TASK, body: { runtime_adapter: 'claude', model: 'claude-sonnet-5' } })
        expect(qc.getMutationCache().getAll()).toHaveLength(1)
        await pending
        await waitForEmptyMutationCache(qc)
    })

    it('rejects with an ApiError whose field is mapped through the field model', async () => {
        const observer = new MutationObserver(new QueryClient(), runTaskMutationOptions(client, BUNDLED_FIELD_MODEL))
        const body = { runtime_adapter: 'claude', model: 'claude-sonnet-4-6', reasoning_effort: 'max' }
        const error = await observer.mutate({ taskId: TASK, body }).then(
            () => undefined,
            (reason: unknown) => reason
        )
        expect(error).toBeInstanceOf(ApiError)
        expect(error instanceof ApiError && error.info).toMatchObject({ kind: 'validation', field: 'reasoning_effort' })
    })
})
