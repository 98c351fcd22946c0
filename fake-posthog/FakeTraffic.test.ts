import { describe, expect, it } from 'vitest'

import { createTestFake } from './createTestFake.ts'
import { buildThrottledRule, buildUsageLimitRule } from './injectedRules.ts'
import { DEMO_PROJECT_ID } from './seedData.ts'

const TASKS = `/api/projects/${DEMO_PROJECT_ID}/tasks/`
const RATE_LIMITED = {
    type: 'rate_limited',
    code: 'usage_limit_exceeded',
    error: "You've reached your PostHog Desktop usage limit.",
    is_pro: false,
    limit_type: 'burst',
    reset_at: '2026-12-01T00:00:00Z',
}

describe('inject', () => {
    it('answers the next matching request instead, before auth and with CORS headers', async () => {
        const { call, traffic } = createTestFake()
        traffic.inject({ method: 'get', path: TASKS, status: 429, body: RATE_LIMITED })
        const forced = await call('GET', TASKS, { key: null, headers: { origin: 'http://app.test' } })
        expect(forced.status).toBe(429)
        expect(forced.json).toEqual(RATE_LIMITED)
        expect(forced.headers.get('access-control-allow-origin')).toBe('http://app.test')
        expect((await call('GET', TASKS)).status).toBe(200)
    })

    it('matches method, a path with its query, a RegExp and a number of times', async () => {
        const { call, traffic } = createTestFake()
        traffic.inject({ method: 'POST', path: TASKS, status: 500 })
        traffic.inject({ path: `${TASKS}?search=x`, status: 502, body: '<html><body>Bad gateway</body></html>' })
        traffic.inject({ path: /\/runs\/$/, status: 200, body: '{"count": 1, "resul', times: 2 })
        expect((await call('GET', TASKS)).status).toBe(200)
        const html = await call('GET', `${TASKS}?search=x`)
        expect(html.status).toBe(502)
        expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
        for (let attempt = 0; attempt < 2; attempt += 1) {
            const truncated = await call('GET', `${TASKS}abc/runs/`)
            expect(truncated.text).toBe('{"count": 1, "resul')
            expect(truncated.headers.get('content-type')).toBe('application/json')
        }
        expect((await call('GET', `${TASKS}abc/runs/`)).status).toBe(404)
    })

    it('keeps preflights out of injection', async () => {
        const { call, traffic } = createTestFake()
        traffic.inject({ path: TASKS, status: 500 })
        const preflight = await call('OPTIONS', TASKS, {
            key: null,
            headers: { origin: 'http://app.test', 'access-control-request-method': 'GET' },
        })
        expect(preflight.status).toBe(200)
        expect((await call('GET', TASKS)).status).toBe(500)
    })
})

describe('ready-made rules', () => {
    it('answers the usage limit on run and the DRF throttle anywhere', async () => {
        const { call, traffic } = createTestFake()
        traffic.inject(buildUsageLimitRule('2026-12-01T00:00:00Z'))
        traffic.inject(buildThrottledRule(TASKS, 7))
        const run = await call('POST', `${TASKS}abc/run/`, { json: {} })
        expect(run.status).toBe(429)
        expect(run.json).toEqual(RATE_LIMITED)
        const list = await call('GET', TASKS)
        expect(list.json).toEqual({
            type: 'throttled_error',
            code: 'throttled',
            detail: 'Request was throttled. Expected available in 7 seconds.',
            attr: null,
        })
    })
})

describe('requests', () => {
    it('records method, path with query, lowercased headers, body and parsed JSON', async () => {
        const { call, traffic } = createTestFake()
        await call('POST', `${TASKS}abc/run/?x=1`, { json: { mode: 'background' }, headers: { 'X-Custom': 'yes' } })
        expect(traffic.requests.at(-1)).toEqual({
            method: 'POST',
            path: `${TASKS}abc/run/?x=1`,
            headers: expect.objectContaining({ 'x-custom': 'yes', 'content-type': 'application/json' }),
            body: '{"mode":"background"}',
            json: { mode: 'background' },
        })
        await call('GET', TASKS)
        expect(traffic.requests.at(-1)).toMatchObject({ body: '', json: undefined })
    })
})
