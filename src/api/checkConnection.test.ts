// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID, OTHER_PROJECT_ID } from '../../fake-posthog/seedData.ts'
import { checkConnection } from './checkConnection.ts'
import { createPostHogClient } from './createPostHogClient.ts'
import { failureOf } from './failureOf.ts'

let fake: FakePostHog

beforeAll(async () => {
    fake = await startFakePostHog()
})

afterAll(async () => {
    await fake.close()
})

function check(apiKey: string, projectId = String(DEMO_PROJECT_ID), host = fake.origin) {
    return checkConnection(createPostHogClient({ host, projectId, apiKey }))
}

describe('checkConnection', () => {
    it.each([
        [
            'a key with every scope',
            DEMO_KEYS.full,
            {
                ok: true,
                userName: 'Ada Lovelace',
                email: 'ada@example.com',
                projectName: 'Demo project',
                canWrite: true,
            },
        ],
        ['a key with only task scopes still connects', DEMO_KEYS.tasksOnly, { ok: true, canWrite: true }],
        ['a read-only key cannot start runs', DEMO_KEYS.readOnly, { ok: true, canWrite: false }],
        [
            'a legacy key without scopes can do everything',
            DEMO_KEYS.legacy,
            {
                ok: true,
                userName: 'Ada Lovelace',
                email: 'ada@example.com',
                projectName: 'Demo project',
                canWrite: true,
            },
        ],
    ])('%s', async (_name, apiKey, expected) => {
        expect(await check(apiKey)).toEqual(expected)
    })

    it('never starts a run while probing for task:write', async () => {
        const runs = fake.state.runs.length
        await check(DEMO_KEYS.full)
        expect(fake.state.runs.length).toBe(runs)
    })

    it('reads the tasks before anything else', async () => {
        const before = fake.requests.length
        await check(DEMO_KEYS.full)
        expect(fake.requests[before]?.path).toBe(`/api/projects/${String(DEMO_PROJECT_ID)}/tasks/?limit=1`)
    })

    it('connects to another project with a key scoped to it', async () => {
        expect(await check(DEMO_KEYS.otherProject, String(OTHER_PROJECT_ID))).toEqual({ ok: true, canWrite: true })
    })

    it('omits the extras when their endpoints fail for other reasons', async () => {
        fake.inject({ path: /\/api\/users\/@me\/?$/, status: 500, body: '' })
        fake.inject({
            path: new RegExp(`/api/projects/${String(DEMO_PROJECT_ID)}/?$`),
            status: 200,
            body: '<html></html>',
        })
        expect(await check(DEMO_KEYS.full)).toEqual({ ok: true, canWrite: true })
    })

    it.each<[string, string, string, Record<string, unknown>]>([
        ['an invalid key', 'phx_wrong', String(DEMO_PROJECT_ID), { kind: 'unauthenticated' }],
        ['no key', '', String(DEMO_PROJECT_ID), { kind: 'unauthenticated' }],
        [
            'a key not allowed for the project',
            DEMO_KEYS.otherProject,
            String(DEMO_PROJECT_ID),
            { kind: 'forbidden', reason: 'project_not_allowed' },
        ],
        ['a project that does not exist', DEMO_KEYS.full, '424242', { kind: 'not_found' }],
    ])('fails for %s', async (_name, apiKey, projectId, info) => {
        const error = await failureOf(check(apiKey, projectId))
        expect(error.info).toMatchObject(info)
        if (apiKey !== '') expect(error.message).not.toContain(apiKey)
    })

    it('fails for a key without task:read', async () => {
        fake.state.apiKeys.push({
            secret: 'phx_user_only',
            label: 'user only',
            scopes: ['user:read'],
            userId: 1,
            scopedTeams: null,
        })
        const error = await failureOf(check('phx_user_only'))
        expect(error.info).toEqual({ kind: 'forbidden', reason: 'missing_scope', scope: 'task:read' })
        expect(error.message).toMatch(/lacks the task:read scope/)
    })

    it('fails for a host that is not PostHog', async () => {
        fake.inject({ path: /\/tasks\/?$/, status: 404, body: '<h1>Not Found</h1>' })
        expect((await failureOf(check(DEMO_KEYS.full))).kind).toBe('not_posthog')
    })

    it('fails for an unreachable host', async () => {
        const error = await failureOf(check(DEMO_KEYS.full, String(DEMO_PROJECT_ID), 'http://127.0.0.1:9'))
        expect(error.info).toEqual({ kind: 'network', reason: 'unreachable' })
    })
})
