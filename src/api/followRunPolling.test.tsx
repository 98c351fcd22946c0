import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { createTestFake } from '../../fake-posthog/createTestFake.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_RUN_IDS, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import { createPostHogClient } from './createPostHogClient.ts'
import { RUN_POLL_INTERVAL_MS, runQueryOptions } from './taskQueries.ts'

const HOST = 'https://posthog.test'
const TASK = DEMO_TASK_IDS.flakyLoginTest
const RUN = DEMO_RUN_IDS.flakyLoginCompleted

let visibility: DocumentVisibilityState = 'visible'

function setVisibility(next: DocumentVisibilityState): void {
    visibility = next
    window.dispatchEvent(new Event('visibilitychange'))
}

/** The fake PostHog, with the seeded run kept in progress and just updated, and a count of its polls. */
function followedRun() {
    const fake = createTestFake()
    const run = fake.state.runs.find((candidate) => candidate.id === RUN)
    if (!run) throw new Error('the seeded run is missing')
    run.status = 'in_progress'
    run.upcomingStatuses = []
    const client = createPostHogClient({
        host: HOST,
        projectId: String(DEMO_PROJECT_ID),
        apiKey: DEMO_KEYS.full,
        fetch: async (input, init) => fake.app.request(input instanceof Request ? input.url : input, init),
    })
    const polls = () => fake.traffic.requests.filter((request) => request.path.includes(`/runs/${RUN}/`)).length
    const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } })
    const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    )
    return {
        fake,
        run,
        polls,
        render: () => renderHook(() => useQuery(runQueryOptions(client, TASK, RUN)), { wrapper }),
    }
}

describe('following a run', () => {
    beforeEach(() => {
        vi.useFakeTimers({ shouldAdvanceTime: false })
        vi.setSystemTime(new Date('2026-12-06T10:00:00Z'))
        visibility = 'visible'
        vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
    })
    afterEach(() => {
        vi.useRealTimers()
        vi.restoreAllMocks()
    })

    it('polls while the tab is visible, stops while it is hidden, and asks at once on return', async () => {
        const { run, polls, render } = followedRun()
        run.updated_at = new Date().toISOString()
        const { result } = render()
        await act(() => vi.advanceTimersByTimeAsync(10))
        expect(result.current.data?.status).toBe('in_progress')
        expect(polls()).toBe(1)

        await act(() => vi.advanceTimersByTimeAsync(RUN_POLL_INTERVAL_MS * 2 + 10))
        expect(polls()).toBe(3)

        act(() => {
            setVisibility('hidden')
        })
        await act(() => vi.advanceTimersByTimeAsync(5 * 60_000))
        expect(polls()).toBe(3)

        act(() => {
            setVisibility('visible')
        })
        await act(() => vi.advanceTimersByTimeAsync(10))
        expect(polls()).toBe(4)
    })

    it('backs off while the run stays the same', async () => {
        const { run, polls, render } = followedRun()
        run.updated_at = new Date().toISOString()
        render()
        await act(() => vi.advanceTimersByTimeAsync(60_000))
        const firstMinute = polls()
        await act(() => vi.advanceTimersByTimeAsync(4 * 60_000))
        const nextFourMinutes = polls() - firstMinute
        // 3 s for the first minute (about 20 polls), then 6, 12, 24 and 30 s: about 10 + 5 + 2.5 + 2 more
        expect(firstMinute).toBeGreaterThanOrEqual(19)
        expect(nextFourMinutes).toBeLessThanOrEqual(firstMinute)
    })

    it('waits as long as a 429’s Retry-After asks, then goes on', async () => {
        const { fake, run, polls, render } = followedRun()
        run.updated_at = new Date().toISOString()
        fake.traffic.inject({
            path: new RegExp(`/runs/${RUN}/$`),
            status: 429,
            body: { type: 'throttled_error', code: 'throttled', detail: 'Request was throttled.', attr: null },
            headers: { 'retry-after': '20' },
        })
        const { result } = render()
        await act(() => vi.advanceTimersByTimeAsync(10))
        expect(result.current.error?.info.kind).toBe('rate_limited')
        await act(() => vi.advanceTimersByTimeAsync(19_000))
        expect(polls()).toBe(1)
        await act(() => vi.advanceTimersByTimeAsync(1_100))
        expect(polls()).toBe(2)
        expect(result.current.data?.status).toBe('in_progress')
    })
})
