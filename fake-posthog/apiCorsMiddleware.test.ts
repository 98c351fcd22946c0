import { describe, expect, it } from 'vitest'

import { createTestFake } from './createTestFake.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID } from './seedData.ts'

const APP_ORIGIN = 'http://127.0.0.1:5174'
const TASKS = `/api/projects/${DEMO_PROJECT_ID}/tasks/`

describe('CORS like django-cors-headers', () => {
    it('answers a preflight itself, without credentials, listing the allowed headers and methods', async () => {
        const { call } = createTestFake()
        const response = await call('OPTIONS', `${TASKS}abc/run/`, {
            key: null,
            headers: {
                origin: APP_ORIGIN,
                'access-control-request-method': 'POST',
                'access-control-request-headers': 'authorization,content-type',
            },
        })
        expect(response.status).toBe(200)
        expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
        expect(response.headers.get('access-control-allow-credentials')).toBe('true')
        expect(response.headers.get('access-control-allow-methods')).toBe('DELETE, GET, OPTIONS, PATCH, POST, PUT')
        expect(response.headers.get('access-control-allow-headers')).toBe(
            'accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with, traceparent, request-id, sentry-trace, baggage'
        )
        expect(response.headers.get('access-control-max-age')).toBe('86400')
        expect(response.headers.get('vary')).toBe('Origin')
        expect(response.headers.get('access-control-expose-headers')).toBeNull()
    })

    it('never allows the warm-retry header, so a browser cannot send it cross-origin', async () => {
        const { call } = createTestFake()
        const response = await call('OPTIONS', TASKS, {
            key: null,
            headers: {
                origin: APP_ORIGIN,
                'access-control-request-method': 'POST',
                'access-control-request-headers': 'x-posthog-warm-retry',
            },
        })
        const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(', ')
        expect(allowed).not.toContain('x-posthog-warm-retry')
    })

    it('echoes the origin on responses, errors and unknown routes', async () => {
        const { call } = createTestFake()
        for (const [path, key, status] of [
            [TASKS, DEMO_KEYS.full, 200],
            [TASKS, null, 403],
            ['/api/nothing-here/', null, 404],
        ] as const) {
            const response = await call('GET', path, { key, headers: { origin: APP_ORIGIN } })
            expect(response.status).toBe(status)
            expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
            expect(response.headers.get('access-control-allow-credentials')).toBe('true')
        }
    })

    it('adds only Vary when the request has no Origin', async () => {
        const { call } = createTestFake()
        const response = await call('GET', TASKS)
        expect(response.headers.get('vary')).toBe('Origin')
        expect(response.headers.get('access-control-allow-origin')).toBeNull()
    })

    it('leaves non-API paths alone', async () => {
        const { call } = createTestFake()
        const response = await call('GET', '/somewhere', { headers: { origin: APP_ORIGIN } })
        expect(response.status).toBe(404)
        expect(response.headers.get('access-control-allow-origin')).toBeNull()
    })

    it('lets the fake bucket answer any origin with a wildcard and no credentials', async () => {
        const { call } = createTestFake()
        const preflight = await call('OPTIONS', '/__storage/upload', {
            key: null,
            headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' },
        })
        expect(preflight.status).toBe(200)
        expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
        expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
        const upload = await call('POST', '/__storage/upload', { key: null, headers: { origin: APP_ORIGIN } })
        expect(upload.headers.get('access-control-allow-origin')).toBe('*')
        expect(upload.headers.get('access-control-allow-credentials')).toBeNull()
    })
})
