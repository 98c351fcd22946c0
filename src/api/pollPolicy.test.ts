import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { ApiError, type ApiErrorInfo } from './ApiError.ts'
import { nextPollDelay, RUN_POLL_POLICY, shouldPollOnReturn, type PollState } from './pollPolicy.ts'

const MINUTE = 60_000
const failure = (info: ApiErrorInfo) => new ApiError({ info, message: 'x', status: 0 })
const rateLimited = (retryAfterSeconds: number | undefined) =>
    failure({ kind: 'rate_limited', resetAt: undefined, retryAfterSeconds, limitType: undefined })

describe('nextPollDelay', () => {
    beforeEach(() => {
        vi.useFakeTimers()
        vi.setSystemTime(new Date('2026-12-06T10:00:00Z'))
    })
    afterEach(() => {
        vi.useRealTimers()
    })

    /** The state of a run last changed `minutesAgo` before the fake clock's now. */
    function state(minutesAgo: number | undefined, overrides: Partial<PollState> = {}): PollState {
        const now = Date.now()
        return {
            now,
            changedAt: minutesAgo === undefined ? undefined : now - minutesAgo * MINUTE,
            ended: false,
            error: null,
            ...overrides,
        }
    }

    it.each<[string, number | undefined, Partial<PollState>, number | false]>([
        ['a run that just changed', 0, {}, 3000],
        ['a run whose last change is unknown', undefined, {}, 3000],
        ['a run unchanged for 59 s', 59 / 60, {}, 3000],
        ['unchanged for 1 minute', 1, {}, 6000],
        ['unchanged for 2 minutes', 2, {}, 12_000],
        ['unchanged for 3 minutes', 3, {}, 24_000],
        ['unchanged for an hour: capped', 60, {}, 30_000],
        ['a server clock ahead of ours', -5, {}, 3000],
        ['an ended run', 0, { ended: true }, false],
        ['a revoked key', 0, { error: failure({ kind: 'unauthenticated' }) }, false],
        ['a run that is gone', 0, { error: failure({ kind: 'not_found' }) }, false],
        ['a network blip', 0, { error: failure({ kind: 'network', reason: 'unreachable' }) }, 6000],
        ['a 5xx on a run unchanged for 3 minutes', 3, { error: failure({ kind: 'server' }) }, 30_000],
        ['a 429 with Retry-After: 20', 0, { error: rateLimited(20) }, 20_000],
        ['a 429 asking less than the run’s own pace', 3, { error: rateLimited(1) }, 24_000],
        ['a 429 naming no wait', 0, { error: rateLimited(undefined) }, RUN_POLL_POLICY.rateLimitedMs],
        ['a 429 asking for 10 minutes: honoured', 0, { error: rateLimited(600) }, 600_000],
    ])('%s', (_name, minutesAgo, overrides, expected) => {
        expect(nextPollDelay(state(minutesAgo, overrides))).toBe(expected)
    })

    it('slows down as the fake clock runs while the run stays the same', () => {
        const changedAt = Date.now()
        const delays: (number | false)[] = []
        for (let minute = 0; minute <= 4; minute += 1) {
            delays.push(nextPollDelay({ now: Date.now(), changedAt, ended: false, error: null }))
            vi.advanceTimersByTime(MINUTE)
        }
        expect(delays).toEqual([3000, 6000, 12_000, 24_000, 30_000])
    })
})

describe('shouldPollOnReturn', () => {
    const base: PollState = { now: 0, changedAt: 0, ended: false, error: null }

    it.each<[string, PollState, boolean]>([
        ['a live run', base, true],
        ['an ended run', { ...base, ended: true }, false],
        ['while a rate limit runs', { ...base, error: rateLimited(30) }, false],
        ['after a blip', { ...base, error: failure({ kind: 'server' }) }, true],
    ])('%s: %s', (_name, state, expected) => {
        expect(shouldPollOnReturn(state)).toBe(expected)
    })
})
