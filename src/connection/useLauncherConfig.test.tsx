import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { useLauncherConfig } from './useLauncherConfig.ts'

const SERVER_CONFIG = { serverHeldKey: false, allowedPostHogHosts: ['https://posthog.example.com'] }

/** A fetch of /launcher/config.json that answers when the test says, and records whether it was cancelled. */
function stubConfigFetch() {
    const calls: { signal: AbortSignal; answer: () => void }[] = []
    vi.stubGlobal(
        'fetch',
        vi.fn(
            (_url: string, { signal }: { signal: AbortSignal }) =>
                new Promise<Response>((resolve, reject) => {
                    signal.addEventListener('abort', () => {
                        reject(new DOMException('Aborted', 'AbortError'))
                    })
                    calls.push({
                        signal,
                        answer: () => {
                            resolve(Response.json(SERVER_CONFIG))
                        },
                    })
                })
        )
    )
    return calls
}

describe('useLauncherConfig', () => {
    afterEach(() => {
        vi.unstubAllGlobals()
    })

    it('asks once wanted, keeps that request when asked again meanwhile, and takes its answer', async () => {
        const calls = stubConfigFetch()
        const hook = renderHook(({ wanted }: { wanted: boolean }) => useLauncherConfig(wanted), {
            initialProps: { wanted: false },
        })
        expect(calls).toHaveLength(0)
        // idle: the request goes out
        hook.rerender({ wanted: true })
        expect(calls).toHaveLength(1)
        // the user asks to connect while it is on its way
        hook.rerender({ wanted: true })
        expect(calls).toHaveLength(1)
        expect(calls[0]?.signal.aborted).toBe(false)
        act(() => calls[0]?.answer())
        await waitFor(() => {
            expect(hook.result.current?.allowedPostHogHosts).toEqual(SERVER_CONFIG.allowedPostHogHosts)
        })
    })

    it('asks at once when asked to, and cancels the request on unmount', () => {
        const calls = stubConfigFetch()
        const hook = renderHook(() => useLauncherConfig(true))
        expect(calls).toHaveLength(1)
        hook.unmount()
        expect(calls[0]?.signal.aborted).toBe(true)
    })
})
