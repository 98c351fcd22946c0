import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { parseEmbedParams } from '../embed/parseEmbedParams.ts'
import { decodePrefill } from '../links/prefillCodec.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { App } from './App.tsx'

describe('App', () => {
    it('shows "Connect to PostHog" in its first render, before the config or the launcher has loaded', () => {
        render(<App prefill={decodePrefill(BUNDLED_FIELD_MODEL, '', '')} embed={parseEmbedParams('')} />)
        // No waiting: what the first commit painted.
        expect(screen.getByRole('button', { name: 'Connect to PostHog' })).toBeVisible()
        expect(screen.getByLabelText(/^Model\b/)).toBeInTheDocument()
        expect(screen.queryByText('Getting ready…')).toBeNull()
    })

    describe("with a deployment config that allows the link's self-hosted PostHog", () => {
        afterEach(() => {
            vi.unstubAllGlobals()
        })

        it('a click on "Connect to PostHog" while the config is on its way keeps it, and the link\'s host is used', async () => {
            const host = 'https://posthog.internal'
            let answerConfig: () => void = () => undefined
            const fetch = vi.fn(
                (url: string, { signal }: { signal?: AbortSignal }) =>
                    new Promise<Response>((resolve, reject) => {
                        signal?.addEventListener('abort', () => {
                            reject(new DOMException('Aborted', 'AbortError'))
                        })
                        // only the config answers: PostHog itself is never reached in this test
                        if (url === '/launcher/config.json') {
                            answerConfig = () => {
                                resolve(Response.json({ serverHeldKey: false, allowedPostHogHosts: [host] }))
                            }
                        }
                    })
            )
            vi.stubGlobal('fetch', fetch)
            const prefill = decodePrefill(BUNDLED_FIELD_MODEL, `?host=${encodeURIComponent(host)}&project_id=1`, '')
            render(<App prefill={prefill} embed={parseEmbedParams('')} />)
            // the browser is idle: the config is asked for
            await waitFor(() => {
                expect(fetch).toHaveBeenCalledWith('/launcher/config.json', expect.anything())
            })
            await userEvent.setup().click(screen.getByRole('button', { name: 'Connect to PostHog' }))
            answerConfig()
            expect(await screen.findByLabelText('PostHog address', {}, { timeout: 15_000 })).toHaveValue(host)
            expect(screen.queryByText(/runs without a server of its own/)).toBeNull()
            expect(fetch.mock.calls.filter(([url]) => url === '/launcher/config.json')).toHaveLength(1)
        }, 20_000)
    })
})
