export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number }

export interface FixedWindowRateLimiterOptions {
    limit: number
    windowMs: number
    // bounds memory when many clients appear; the oldest windows are forgotten first
    maxKeys?: number
}

interface Window {
    startedAt: number
    count: number
}

const DEFAULT_MAX_KEYS = 50_000

// Counts requests per key in fixed windows that start at each key's first request; the clock is passed in.
export class FixedWindowRateLimiter {
    private readonly limit: number
    private readonly windowMs: number
    private readonly maxKeys: number
    private readonly windows = new Map<string, Window>()
    private lastSweepAt = Number.NEGATIVE_INFINITY

    constructor(options: FixedWindowRateLimiterOptions) {
        this.limit = options.limit
        this.windowMs = options.windowMs
        this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS
    }

    take(key: string, now: number): RateLimitDecision {
        this.sweep(now)
        let window = this.windows.get(key)
        if (window === undefined || now - window.startedAt >= this.windowMs) {
            this.windows.delete(key)
            window = { startedAt: now, count: 0 }
            this.windows.set(key, window)
            this.evictOverflow()
        }
        if (window.count >= this.limit) {
            const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000))
            return { allowed: false, retryAfterSeconds }
        }
        window.count += 1
        return { allowed: true, remaining: this.limit - window.count }
    }

    get size(): number {
        return this.windows.size
    }

    // expired windows go at most once per window length, so a request costs O(1) on average
    private sweep(now: number): void {
        if (now - this.lastSweepAt < this.windowMs) {
            return
        }
        this.lastSweepAt = now
        for (const [key, window] of this.windows) {
            if (now - window.startedAt >= this.windowMs) {
                this.windows.delete(key)
            }
        }
    }

    private evictOverflow(): void {
        for (const key of this.windows.keys()) {
            if (this.windows.size <= this.maxKeys) {
                return
            }
            this.windows.delete(key)
        }
    }
}
