import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { ApiError } from '../api/ApiError.ts'
import { EMBED_PROTOCOL_VERSION, HOST_SOURCE } from './embedProtocol.ts'
import type { HostSubmitPolicy } from './hostSubmitPolicy.ts'
import { parseEmbedParams } from './parseEmbedParams.ts'
import { createTestEmbedHost } from './testEmbedHost.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { useEmbedBridge } from './useEmbedBridge.ts'

const HOST_ORIGIN = 'https://host.example'
const host = { source: HOST_SOURCE, version: EMBED_PROTOCOL_VERSION }

interface BridgeOptions {
    referrer?: string
    locked?: readonly string[]
    hostSubmit?: HostSubmitPolicy
}

function renderBridge(search: string, { referrer = '', locked = [], hostSubmit = 'direct' }: BridgeOptions = {}) {
    const { posted, listeners, parent, embedWindow, form } = createTestEmbedHost()
    const hook = renderHook(() =>
        useEmbedBridge({
            params: parseEmbedParams(search),
            model: BUNDLED_FIELD_MODEL,
            contentRef: { current: document.createElement('div') },
            form: { current: form },
            getSecrets: () => ['phx_the_api_key'],
            lockedFields: new Set(locked),
            hostSubmit,
            embedWindow,
            referrer,
        })
    )
    const receive = (data: unknown) => {
        act(() => {
            for (const listener of listeners) listener({ data, origin: HOST_ORIGIN, source: parent })
        })
    }
    const errors = () =>
        posted.filter(
            (message) => typeof message === 'object' && message !== null && Reflect.get(message, 'type') === 'error'
        )
    return { hook, form, posted, receive, errors }
}

describe('useEmbedBridge', () => {
    it('fills the form from set-values and answers with field names only', () => {
        const { hook, form, receive, errors } = renderBridge(`embed=1&parent_origin=${HOST_ORIGIN}`)
        receive({ ...host, type: 'set-values', values: { branch: 'main', mode: 'warp-speed-value' } })
        expect(form.setValues).toHaveBeenCalledWith({ branch: 'main' })
        expect(errors()).toEqual([expect.objectContaining({ code: 'invalid-values', message: expect.any(String) })])
        expect(JSON.stringify(errors())).not.toContain('warp-speed-value')
        // The user inside the frame sees the full problem, value included.
        expect(hook.result.current.hostProblems?.problems[0]?.message).toContain('warp-speed-value')
    })

    it('submits for a host named in parent_origin', () => {
        const { form, receive, errors } = renderBridge(`embed=1&parent_origin=${HOST_ORIGIN}`)
        receive({ ...host, type: 'submit' })
        expect(form.submit).toHaveBeenCalledOnce()
        expect(errors()).toEqual([])
    })

    it('refuses submit when the host is known only from the referrer, but still prefills', () => {
        const { form, receive, errors } = renderBridge('embed=1', { referrer: `${HOST_ORIGIN}/wiki/page` })
        receive({ ...host, type: 'submit' })
        expect(form.submit).not.toHaveBeenCalled()
        expect(errors()).toEqual([expect.objectContaining({ code: 'submit-refused' })])
        receive({ ...host, type: 'set-values', values: { branch: 'main' } })
        expect(form.setValues).toHaveBeenCalledWith({ branch: 'main' })
    })

    it('never changes a locked field, and says which it refused', () => {
        const { hook, form, receive, errors } = renderBridge(`embed=1&parent_origin=${HOST_ORIGIN}`, {
            locked: ['branch'],
        })
        receive({ ...host, type: 'set-values', values: { branch: 'attacker-branch', mode: 'interactive' } })
        expect(form.setValues).toHaveBeenCalledWith({ mode: 'interactive' })
        expect(errors()).toEqual([
            expect.objectContaining({ code: 'field-locked', message: expect.stringContaining('branch') }),
        ])
        expect(JSON.stringify(errors())).not.toContain('attacker-branch')
        expect(hook.result.current.hostProblems?.problems).toEqual([
            expect.objectContaining({ name: 'branch', reason: 'locked' }),
        ])
    })

    it('asks the user before a host’s submit starts a run with their key', () => {
        const { hook, form, receive, errors } = renderBridge(`embed=1&parent_origin=${HOST_ORIGIN}`, {
            hostSubmit: 'ask-user',
        })
        receive({ ...host, type: 'submit' })
        expect(form.submit).not.toHaveBeenCalled()
        expect(hook.result.current.submitRequest).toEqual({ origin: HOST_ORIGIN })

        // The values the user is looking at stay put while they decide.
        receive({ ...host, type: 'set-values', values: { branch: 'swapped' } })
        expect(form.setValues).not.toHaveBeenCalled()
        expect(errors()).toEqual([expect.objectContaining({ code: 'submit-pending' })])

        act(() => {
            hook.result.current.confirmHostSubmit()
        })
        expect(form.submit).toHaveBeenCalledOnce()
        expect(hook.result.current.submitRequest).toBeUndefined()
    })

    it('tells the host when the user dismisses its request', () => {
        const { hook, form, receive, errors } = renderBridge(`embed=1&parent_origin=${HOST_ORIGIN}`, {
            hostSubmit: 'ask-user',
        })
        receive({ ...host, type: 'submit' })
        act(() => {
            hook.result.current.dismissHostSubmit()
        })
        expect(form.submit).not.toHaveBeenCalled()
        expect(hook.result.current.submitRequest).toBeUndefined()
        expect(errors()).toEqual([expect.objectContaining({ code: 'submit-declined' })])
    })

    it('reports a failed run by its kind, not by PostHog’s text', () => {
        const { hook, posted } = renderBridge(`embed=1&parent_origin=${HOST_ORIGIN}`)
        act(() => {
            hook.result.current.notifySubmitFailed(
                new ApiError({
                    info: { kind: 'validation', attr: 'branch', field: 'branch', missingArtifactIds: [] },
                    message: 'Branch "secret-branch-name" does not exist.',
                    status: 400,
                })
            )
        })
        expect(posted.at(-1)).toMatchObject({ type: 'error', code: 'submit-failed' })
        expect(JSON.stringify(posted)).not.toContain('secret-branch-name')
    })
})
