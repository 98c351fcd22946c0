import type { InjectedResponse } from './FakeTraffic.ts'

const RUN_PATH = /\/tasks\/[^/]+\/run\/?$/

// Ready-made forced answers from the doc (§1.7); pass them to inject().

// The warm-up 503 keeps coming until a retry carries the token, which only a server-side caller can send.
export function buildWarmRunUnavailableRule(retryToken: string): InjectedResponse {
    return {
        method: 'POST',
        path: RUN_PATH,
        status: 503,
        body: {
            code: 'warm_run_activation_unavailable',
            error: 'The sandbox is warming up. Try again in a moment.',
            retry_token: retryToken,
        },
        times: Number.POSITIVE_INFINITY,
    }
}

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
