import { afterEach, describe, expect, it } from 'vitest'

import { DEMO_KEYS, DEMO_PROJECT_ID } from './seedData.ts'
import type { FakePostHog } from './startFakePostHog.ts'
import { startFakePostHog } from './startFakePostHog.ts'

describe('startFakePostHog', () => {
    let fake: FakePostHog | undefined

    afterEach(async () => {
        await fake?.close()
        fake = undefined
    })

    it('serves over HTTP on loopback, records requests and closes', async () => {
        fake = await startFakePostHog()
        expect(fake.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
        const response = await fetch(`${fake.origin}/api/projects/${DEMO_PROJECT_ID}/tasks/?limit=1`, {
            headers: { authorization: `Bearer ${DEMO_KEYS.full}`, origin: 'http://127.0.0.1:5174' },
        })
        expect(response.status).toBe(200)
        expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5174')
        expect(await response.json()).toMatchObject({
            count: 8,
            next: `${fake.origin}/api/projects/${DEMO_PROJECT_ID}/tasks/?limit=1&offset=1`,
        })
        fake.inject({ path: '/api/users/@me/', status: 500, body: '<h1>Server Error (500)</h1>' })
        expect((await fetch(`${fake.origin}/api/users/@me/`)).status).toBe(500)
        expect(fake.requests.map((request) => request.path)).toEqual([
            `/api/projects/${DEMO_PROJECT_ID}/tasks/?limit=1`,
            '/api/users/@me/',
        ])
        await fake.close()
        fake = undefined
    })
})
