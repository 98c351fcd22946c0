import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { createTestFake } from './createTestFake.ts'
import { paginate } from './paginate.ts'
import {
    DEMO_MODELS,
    DEMO_PROJECT_ID,
    DEMO_RUN_IDS,
    DEMO_SANDBOX_ENVIRONMENT_IDS,
    DEMO_SIGNAL_REPORT_IDS,
    DEMO_TASK_IDS,
} from './seedData.ts'

const BASE = `/api/projects/${DEMO_PROJECT_ID}`
const pageSchema = z.object({
    count: z.number(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(z.object({ id: z.string() }).loose()),
})

describe('paginate (DRF LimitOffsetPagination)', () => {
    const items = Array.from({ length: 7 }, (_, index) => index)

    it.each([
        ['the default limit', '', [0, 1, 2], 'http://h/x?limit=3&offset=3', null],
        ['a middle page', '?offset=3&limit=3', [3, 4, 5], 'http://h/x?limit=3&offset=6', 'http://h/x?limit=3'],
        ['the last page', '?limit=3&offset=6', [6], null, 'http://h/x?limit=3&offset=3'],
        ['a capped limit', '?limit=500', [0, 1, 2, 3, 4], 'http://h/x?limit=5&offset=5', null],
        ['an invalid limit', '?limit=abc&q=a%20b', [0, 1, 2], 'http://h/x?limit=3&offset=3&q=a+b', null],
    ])('handles %s', (_name, query, results, next, previous) => {
        const page = paginate(items, new URL(`http://h/x${query}`), { defaultLimit: 3, maxLimit: 5 })
        expect(page).toEqual({ count: 7, next, previous, results })
    })
})

describe('list endpoints', () => {
    it('lists visible tasks newest first with the full task shape and absolute links', async () => {
        const { call } = createTestFake()
        const response = await call('GET', `${BASE}/tasks/?limit=2`)
        const page = pageSchema.parse(response.json)
        expect(page.count).toBe(8)
        expect(page.next).toBe(`http://localhost${BASE}/tasks/?limit=2&offset=2`)
        expect(page.results.map((task) => task.id)).toEqual([DEMO_TASK_IDS.signupWebhook, DEMO_TASK_IDS.darkMode])
        expect(Object.keys(page.results[0] ?? {})).toEqual(
            expect.arrayContaining(['task_number', 'title', 'repository', 'latest_run', 'created_by', 'slug'])
        )
    })

    it.each([
        ['title, case-insensitive', 'FLAKY', [DEMO_TASK_IDS.flakyLoginTest]],
        ['description', 'clickhouse sql', [DEMO_TASK_IDS.slowFunnels]],
        ['a task number', '7', [DEMO_TASK_IDS.darkMode]],
        ['nothing', 'zzz', []],
    ])('searches %s', async (_name, search, ids) => {
        const { call } = createTestFake()
        const response = await call('GET', `${BASE}/tasks/?search=${encodeURIComponent(search)}`)
        expect(pageSchema.parse(response.json).results.map((task) => task.id)).toEqual(ids)
    })

    it('includes archived tasks only when asked', async () => {
        const { call } = createTestFake()
        const archived = await call('GET', `${BASE}/tasks/?archived=true`)
        expect(pageSchema.parse(archived.json).results.map((task) => task.id)).toEqual([DEMO_TASK_IDS.archivedSpike])
    })

    it('lists a task’s runs newest first', async () => {
        const { call } = createTestFake()
        const response = await call('GET', `${BASE}/tasks/${DEMO_TASK_IDS.flakyLoginTest}/runs/`)
        const page = pageSchema.parse(response.json)
        expect(page.results.map((run) => run.id)).toEqual([
            DEMO_RUN_IDS.flakyLoginCompleted,
            DEMO_RUN_IDS.flakyLoginFailed,
            DEMO_RUN_IDS.flakyLoginCancelled,
        ])
        expect(page.results[1]).toMatchObject({ status: 'failed', model: 'claude-opus-4-5', reasoning_effort: 'high' })
    })

    it('hides other users’ private sandbox environments', async () => {
        const { call } = createTestFake()
        const response = await call('GET', `${BASE}/sandbox_environments/`)
        const ids = pageSchema.parse(response.json).results.map((environment) => environment.id)
        expect(ids).toEqual([
            DEMO_SANDBOX_ENVIRONMENT_IDS.trusted,
            DEMO_SANDBOX_ENVIRONMENT_IDS.fullInternet,
            DEMO_SANDBOX_ENVIRONMENT_IDS.payments,
        ])
    })

    it('lists signal reports by weight and filters by status', async () => {
        const { call } = createTestFake()
        const all = pageSchema.parse((await call('GET', `${BASE}/signals/reports/`)).json)
        expect(all.results.map((report) => report.id)).toEqual([
            DEMO_SIGNAL_REPORT_IDS.checkoutErrors,
            DEMO_SIGNAL_REPORT_IDS.slowDashboards,
            DEMO_SIGNAL_REPORT_IDS.signupEmails,
        ])
        const ready = pageSchema.parse((await call('GET', `${BASE}/signals/reports/?status=ready`)).json)
        expect(ready.results.map((report) => report.id)).toEqual([DEMO_SIGNAL_REPORT_IDS.checkoutErrors])
    })

    it.each([
        ['the catalogue by default', {}, 200, { models: DEMO_MODELS }],
        ['an empty list', { models: 'empty' as const }, 200, { models: [] }],
        ['404 when missing', { models: 'missing' as const }, 404, expect.objectContaining({ code: 'not_found' })],
    ])('serves models: %s', async (_name, options, status, body) => {
        const { call } = createTestFake(options)
        const response = await call('GET', `${BASE}/tasks/models/`)
        expect(response.status).toBe(status)
        expect(response.json).toEqual(body)
    })
})
