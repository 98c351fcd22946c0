import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { createPostHogClient, type PostHogClient } from '../api/createPostHogClient.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { useFieldModel } from './useFieldModel.ts'

const HOST = 'https://posthog.test'

function schemaServer(answers: (() => Response)[]) {
    const fetch = vi.fn(() => {
        const answer = answers.shift()
        if (!answer) throw new Error('unexpected request')
        return Promise.resolve(answer())
    })
    const clientFor = (projectId: string, host = HOST): PostHogClient =>
        createPostHogClient({ host, projectId, apiKey: 'phx_test_key_123', fetch })
    return { fetch, clientFor }
}

function json(status: number, body: unknown): () => Response {
    return () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

function renderWith(initial: PostHogClient | undefined) {
    const queryClient = new QueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    )
    return renderHook(({ client }: { client: PostHogClient | undefined }) => useFieldModel(client), {
        wrapper,
        initialProps: { client: initial },
    })
}

describe('useFieldModel', () => {
    it('renders the bundled model at once, without asking, while not connected', () => {
        const { fetch } = schemaServer([])
        const { result } = renderWith(undefined)
        expect(result.current).toMatchObject({ model: BUNDLED_FIELD_MODEL, source: 'bundled', settled: false })
        expect(result.current.retry).toBeUndefined()
        expect(fetch).not.toHaveBeenCalled()
    })

    it('switches to the live model, and keeps it when the connection is dropped', async () => {
        const server = schemaServer([json(200, buildExtendedSchemaDocument())])
        const { result, rerender } = renderWith(server.clientFor('1'))
        expect(result.current.model).toBe(BUNDLED_FIELD_MODEL)
        await waitFor(() => {
            expect(result.current.source).toBe('live')
        })
        const live = result.current.model
        expect(live.byName.has('auto_publish')).toBe(true)

        rerender({ client: undefined })
        expect(result.current.model).toBe(live)
        // Another project on the same host shares the cached document: same model, no second request.
        rerender({ client: server.clientFor('2') })
        expect(result.current.model).toBe(live)
        expect(server.fetch).toHaveBeenCalledTimes(1)
    })

    it('falls back with a reason when the endpoint fails, and can try again', async () => {
        const server = schemaServer([
            json(500, { type: 'server_error', code: 'error', detail: 'A server error occurred.', attr: null }),
            json(200, buildExtendedSchemaDocument()),
        ])
        const { result } = renderWith(server.clientFor('1'))
        await waitFor(() => {
            expect(result.current.settled).toBe(true)
        })
        expect(result.current).toMatchObject({ model: BUNDLED_FIELD_MODEL, source: 'bundled' })
        expect(result.current.fallbackReason).toContain('answered 500')

        act(() => {
            result.current.retry?.()
        })
        await waitFor(() => {
            expect(result.current.source).toBe('live')
        })
        expect(server.fetch).toHaveBeenCalledTimes(2)
    })

    it('falls back and lists the problems when the document has no run schema', async () => {
        const server = schemaServer([json(200, { openapi: '3.1.0', components: { schemas: {} } })])
        const { result } = renderWith(server.clientFor('1'))
        await waitFor(() => {
            expect(result.current.settled).toBe(true)
        })
        expect(result.current.model).toBe(BUNDLED_FIELD_MODEL)
        expect(result.current.problems).toEqual([
            expect.objectContaining({ message: 'The document has no ClaudeTaskRunCreateSchema schema.' }),
        ])
    })
})
