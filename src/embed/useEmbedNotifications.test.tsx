import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { ApiError } from '../api/ApiError.ts'
import { parseEmbedParams } from './parseEmbedParams.ts'
import { createTestEmbedHost } from './testEmbedHost.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { useEmbedBridge } from './useEmbedBridge.ts'
import { useEmbedNotifications } from './useEmbedNotifications.ts'

const HOST_ORIGIN = 'https://host.example'
const RUN = { taskId: 'task-1', runId: 'run-1', linkHost: 'https://us.posthog.com', projectId: '7' }

function renderNotifications() {
    const { posted, embedWindow, form } = createTestEmbedHost()
    const hook = renderHook(() =>
        useEmbedNotifications(
            useEmbedBridge({
                params: parseEmbedParams(`embed=1&parent_origin=${HOST_ORIGIN}`),
                model: BUNDLED_FIELD_MODEL,
                contentRef: { current: document.createElement('div') },
                form: { current: form },
                getSecrets: () => ['phx_the_api_key'],
                lockedFields: new Set(),
                hostSubmit: 'direct',
                embedWindow,
            })
        )
    )
    const ofType = (type: string) =>
        posted.filter(
            (message) => typeof message === 'object' && message !== null && Reflect.get(message, 'type') === type
        )
    return { hook, ofType }
}

describe('useEmbedNotifications', () => {
    it('tells the host a run started, with its link into PostHog, and each status it reaches', () => {
        const { hook, ofType } = renderNotifications()
        act(() => {
            hook.result.current.onStarted(RUN, 'queued')
            hook.result.current.onRunStatus(RUN, 'in_progress')
        })
        expect(ofType('submitted')).toEqual([
            expect.objectContaining({
                taskId: 'task-1',
                runId: 'run-1',
                status: 'queued',
                link: expect.stringContaining('/project/7/'),
            }),
        ])
        expect(ofType('run-status')).toEqual([expect.objectContaining({ runId: 'run-1', status: 'in_progress' })])
    })

    it('tells the host why a submit did not start a run, without values or secrets', () => {
        const { hook, ofType } = renderNotifications()
        act(() => {
            hook.result.current.onBlocked('task')
            hook.result.current.onFailed(
                new ApiError({ info: { kind: 'unauthenticated' }, message: 'bad key phx_the_api_key', status: 401 })
            )
        })
        expect(ofType('error')).toHaveLength(2)
        expect(JSON.stringify(ofType('error'))).not.toContain('phx_the_api_key')
        // Stable between renders: the launcher publishes the form's binding only when something changed.
        const first = hook.result.current
        hook.rerender()
        expect(hook.result.current).toBe(first)
    })
})
