import { describe, expect, it } from 'vitest'

import { FixedWindowRateLimiter } from './FixedWindowRateLimiter.ts'

describe('FixedWindowRateLimiter', () => {
    it('allows the limit per window, then says how long to wait', () => {
        const limiter = new FixedWindowRateLimiter({ limit: 2, windowMs: 60_000 })
        expect(limiter.take('a', 0)).toEqual({ allowed: true, remaining: 1 })
        expect(limiter.take('a', 1_000)).toEqual({ allowed: true, remaining: 0 })
        expect(limiter.take('a', 15_200)).toEqual({ allowed: false, retryAfterSeconds: 45 })
        expect(limiter.take('a', 59_999)).toEqual({ allowed: false, retryAfterSeconds: 1 })
        expect(limiter.take('a', 60_000)).toEqual({ allowed: true, remaining: 1 })
    })

    it('counts each key on its own', () => {
        const limiter = new FixedWindowRateLimiter({ limit: 1, windowMs: 1_000 })
        expect(limiter.take('a', 0).allowed).toBe(true)
        expect(limiter.take('b', 0).allowed).toBe(true)
        expect(limiter.take('a', 10).allowed).toBe(false)
        expect(limiter.take('b', 10).allowed).toBe(false)
    })

    it('refused requests do not extend the window', () => {
        const limiter = new FixedWindowRateLimiter({ limit: 1, windowMs: 1_000 })
        limiter.take('a', 0)
        for (let t = 100; t < 1_000; t += 100) {
            expect(limiter.take('a', t).allowed).toBe(false)
        }
        expect(limiter.take('a', 1_000).allowed).toBe(true)
    })

    it('forgets expired windows, so memory follows the clients of the last window', () => {
        const limiter = new FixedWindowRateLimiter({ limit: 1, windowMs: 1_000 })
        for (let i = 0; i < 100; i += 1) {
            limiter.take(`client-${i}`, 0)
        }
        expect(limiter.size).toBe(100)
        limiter.take('late', 5_000)
        expect(limiter.size).toBe(1)
    })

    it('drops the oldest windows beyond maxKeys', () => {
        const limiter = new FixedWindowRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 3 })
        for (const key of ['a', 'b', 'c', 'd']) {
            limiter.take(key, 0)
        }
        expect(limiter.size).toBe(3)
        // 'a' was forgotten, so it starts a fresh window
        expect(limiter.take('a', 1).allowed).toBe(true)
        expect(limiter.take('d', 1).allowed).toBe(false)
    })
})
