import { afterEach, describe, expect, it } from 'vitest'

import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from './seedData.ts'
import { LARGE_PROJECT_ADMIN_PATH } from './seedLargeProject.ts'
import type { FakePostHog } from './startFakePostHog.ts'
import { startFakePostHog } from './startFakePostHog.ts'

const headers = { authorization: `Bearer ${DEMO_KEYS.full}` }

describe('a large project', () => {
    let fake: FakePostHog | undefined

    afterEach(async () => {
        await fake?.close()
        fake = undefined
    })

    it('is seeded by an admin call, once, and pages like any project', async () => {
        fake = await startFakePostHog()
        const first = await fetch(`${fake.origin}${LARGE_PROJECT_ADMIN_PATH}`, { method: 'POST' })
        const again = await fetch(`${fake.origin}${LARGE_PROJECT_ADMIN_PATH}`, { method: 'POST' })
        const counts = { tasks: 10_009, runs: 1_003, signal_reports: 503 }
        expect(await first.json()).toMatchObject(counts)
        const seeded: unknown = await again.json()
        expect(seeded).toMatchObject(counts)
        expect(seeded).toHaveProperty('schema_document_bytes', expect.any(Number))

        const project = `${fake.origin}/api/projects/${DEMO_PROJECT_ID}`
        const tasks = await fetch(`${project}/tasks/?limit=25&search=upgrade`, { headers })
        const page: unknown = await tasks.json()
        expect(page).toMatchObject({ count: 1_251, results: expect.any(Array) })
        const runs = await fetch(`${project}/tasks/${DEMO_TASK_IDS.flakyLoginTest}/runs/?limit=100`, { headers })
        expect(await runs.json()).toMatchObject({ count: 1_003 })
        const schema = await fetch(`${fake.origin}/api/schema/?format=json`)
        expect((await schema.text()).length).toBeGreaterThan(4_000_000)
    })

    it('can be there from the start', async () => {
        fake = await startFakePostHog({ largeProject: true })
        const reports = await fetch(`${fake.origin}/api/projects/${DEMO_PROJECT_ID}/signals/reports/?limit=100`, {
            headers,
        })
        const page: unknown = await reports.json()
        expect(page).toMatchObject({ count: expect.any(Number) })
        expect(fake.state.tasks.length).toBeGreaterThan(10_000)
    })
})
