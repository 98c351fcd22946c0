import type { InjectedResponse } from './FakeTraffic.ts'

const RUN_PATH = /\/tasks\/[^/]+\/run\/?$/

// Ready-made 429s from the doc (§1.7) for inject(); the warm-run 503 lives with FakeTraffic's token logic.

export function buildUsageLimitRule(resetAt: string, limitType: 'burst' | 'sustained' = 'burst'): InjectedResponse {
    return {
        method: 'POST',
        path: RUN_PATH,
        status: 429,
        body: {
            type: 'rate_limited',
            code: 'usage_limit_exceeded',
            error: "You've reached your PostHog Desktop usage limit.",
            is_pro: false,
            limit_type: limitType,
            reset_at: resetAt,
        },
    }
}

// DRF's throttle, rebuilt by the hog handler, so no Retry-After header
export function buildThrottledRule(path: string | RegExp, seconds: number): InjectedResponse {
    return {
        path,
        status: 429,
        body: {
            type: 'throttled_error',
            code: 'throttled',
            detail: `Request was throttled. Expected available in ${seconds} seconds.`,
            attr: null,
        },
    }
}
