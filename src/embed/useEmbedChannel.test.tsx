import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import type { EmbedMessageListener, EmbedWindow } from './createEmbedChannel.ts'
import { buildRunStatusMessage } from './embedMessages.ts'
import { EMBED_PROTOCOL_VERSION, HOST_SOURCE } from './embedProtocol.ts'
import { parseEmbedParams } from './parseEmbedParams.ts'
import { useEmbedChannel } from './useEmbedChannel.ts'
import type { UseEmbedChannelOptions } from './useEmbedChannel.ts'

const HOST_ORIGIN = 'https://host.example'
const host = { source: HOST_SOURCE, version: EMBED_PROTOCOL_VERSION }

function createFakeWindow() {
    const posted: { message: unknown; targetOrigin: string }[] = []
    const listeners = new Set<EmbedMessageListener>()
    const parent = {
        postMessage: (message: unknown, targetOrigin: string) => {
            posted.push({ message, targetOrigin })
        },
    }
    const fake: EmbedWindow = {
        parent,
        addEventListener: (_type, listener) => listeners.add(listener),
        removeEventListener: (_type, listener) => listeners.delete(listener),
    }
    const receive = (data: unknown) => {
        act(() => {
            for (const listener of listeners) listener({ data, origin: HOST_ORIGIN, source: parent })
        })
    }
    return { fake, posted, listeners, receive }
}

function render(search: string, overrides: Partial<UseEmbedChannelOptions> = {}) {
    const window = createFakeWindow()
    const content = document.createElement('div')
    const onSetValues = vi.fn()
    const onSubmit = vi.fn()
    const options: UseEmbedChannelOptions = {
        params: parseEmbedParams(search),
        contentRef: { current: content },
        onSetValues,
        onSubmit,
        embedWindow: window.fake,
        referrer: '',
        ...overrides,
    }
    const hook = renderHook((props: UseEmbedChannelOptions) => useEmbedChannel(props), { initialProps: options })
    return { ...window, hook, options, onSetValues, onSubmit }
}

describe('useEmbedChannel', () => {
    it('stays off outside embed mode', () => {
        const { hook, posted, listeners } = render('parent_origin=https://host.example')
        expect(hook.result.current).toMatchObject({ active: false, inactiveReason: 'Embed mode is off.' })
        expect(listeners.size).toBe(0)
        expect(posted).toEqual([])
    })

    it('says why when no parent origin is known', () => {
        const { hook, listeners } = render('embed=1')
        expect(hook.result.current.active).toBe(false)
        expect(hook.result.current.inactiveReason).toMatch(/parent_origin/)
        expect(listeners.size).toBe(0)
    })

    it("uses the referrer's origin when parent_origin is absent", async () => {
        const { hook, posted } = render('embed=1', { referrer: 'https://host.example/page' })
        expect(hook.result.current.active).toBe(true)
        await waitFor(() => {
            expect(posted.length).toBeGreaterThan(0)
        })
        expect(posted.every((entry) => entry.targetOrigin === HOST_ORIGIN)).toBe(true)
    })

    it('says ready, then reports the content height, to the parent origin only', async () => {
        const { hook, posted } = render('embed=1&parent_origin=https://host.example')
        expect(hook.result.current).toMatchObject({ active: true, inactiveReason: undefined })
        expect(posted[0]).toEqual({
            message: { source: 'run-launcher', version: 1, type: 'ready' },
            targetOrigin: HOST_ORIGIN,
        })
        await waitFor(() => {
            expect(posted.map((entry) => entry.message)).toContainEqual(expect.objectContaining({ type: 'resize' }))
        })
        expect(posted.every((entry) => entry.targetOrigin === HOST_ORIGIN)).toBe(true)
    })

    it('hands host messages to the latest callbacks', () => {
        const { hook, options, receive, onSetValues } = render('embed=1&parent_origin=https://host.example')
        const onSubmit = vi.fn()
        hook.rerender({ ...options, onSubmit })
        receive({ ...host, type: 'set-values', values: { branch: 'main' } })
        receive({ ...host, type: 'submit' })
        expect(onSetValues).toHaveBeenCalledWith({ branch: 'main' })
        expect(onSubmit).toHaveBeenCalledTimes(1)
    })

    it('sends through the channel and withholds current secrets', () => {
        const { hook, posted } = render('embed=1&parent_origin=https://host.example', {
            getSecrets: () => ['ghp_token_value'],
        })
        posted.length = 0
        hook.result.current.send(buildRunStatusMessage({ taskId: 't', runId: 'ghp_token_value', status: 'queued' }))
        expect(posted).toEqual([
            { message: expect.objectContaining({ code: 'message-withheld' }), targetOrigin: HOST_ORIGIN },
        ])
    })

    it('stops listening on unmount', () => {
        const { hook, listeners } = render('embed=1&parent_origin=https://host.example')
        expect(listeners.size).toBe(1)
        hook.unmount()
        expect(listeners.size).toBe(0)
    })
})
