import { describe, expect, it } from 'vitest'

import { createTestFake } from './createTestFake.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS, OTHER_PROJECT_ID } from './seedData.ts'

const TASKS = `/api/projects/${DEMO_PROJECT_ID}/tasks/`
const RUN = `${TASKS}${DEMO_TASK_IDS.reactUpgrade}/run/`

function hogError(code: string, detail: string) {
    const type = code === 'not_found' ? 'invalid_request' : 'authentication_error'
    return { type, code, detail, attr: null }
}

const NOT_PROVIDED = hogError('not_authenticated', 'Authentication credentials were not provided.')
const INVALID_KEY = hogError(
    'authentication_failed',
    'Personal API key found in request Authorization header is invalid.'
)

describe('authentication and scopes', () => {
    it.each([
        ['no credentials on a tasks endpoint', 'GET', TASKS, null, 403, NOT_PROVIDED],
        ['a cookie is not a credential', 'GET', TASKS, null, 403, NOT_PROVIDED],
        ['a bad key on a tasks endpoint', 'GET', TASKS, 'phx_nope', 403, INVALID_KEY],
        ['no credentials on users/@me', 'GET', '/api/users/@me/', null, 401, NOT_PROVIDED],
        ['a bad key on projects/{id}', 'GET', `/api/projects/${DEMO_PROJECT_ID}/`, 'phx_nope', 401, INVALID_KEY],
        [
            'a read-only key on run',
            'POST',
            RUN,
            DEMO_KEYS.readOnly,
            403,
            hogError('permission_denied', "API key missing required scope 'task:write'"),
        ],
        [
            'a tasks-only key on users/@me',
            'GET',
            '/api/users/@me/',
            DEMO_KEYS.tasksOnly,
            403,
            hogError('permission_denied', "API key missing required scope 'user:read'"),
        ],
        [
            'a tasks-only key on projects/{id}',
            'GET',
            `/api/projects/${DEMO_PROJECT_ID}/`,
            DEMO_KEYS.tasksOnly,
            403,
            hogError('permission_denied', "API key missing required scope 'project:read'"),
        ],
        [
            'a key scoped to another project',
            'GET',
            TASKS,
            DEMO_KEYS.otherProject,
            403,
            hogError('permission_denied', 'API key does not have access to the requested project: ID 1.'),
        ],
        [
            'an unknown project',
            'GET',
            '/api/projects/999/tasks/',
            DEMO_KEYS.full,
            404,
            hogError('not_found', 'Not found.'),
        ],
        ['an unknown API route, before auth', 'GET', '/api/nope/', null, 404, hogError('not_found', 'Not found.')],
    ])('refuses %s', async (_name, method, path, key, status, body) => {
        const { call } = createTestFake()
        const response = await call(method, path, { key, headers: { cookie: 'sessionid=abc' } })
        expect(response.status).toBe(status)
        expect(response.json).toEqual(body)
    })

    it('answers 401 on the tasks endpoints when configured', async () => {
        const { call } = createTestFake({ unauthenticatedStatus: 401 })
        const response = await call('GET', TASKS, { key: null })
        expect(response.status).toBe(401)
        expect(response.json).toEqual(NOT_PROVIDED)
        expect(response.headers.get('www-authenticate')).toContain('Bearer')
    })

    it.each([
        ['a full key', DEMO_KEYS.full, TASKS],
        ['a legacy key without scopes', DEMO_KEYS.legacy, TASKS],
        ['task:write, which implies task:read', DEMO_KEYS.tasksOnly, TASKS],
        ['a project-scoped key in its project', DEMO_KEYS.otherProject, `/api/projects/${OTHER_PROJECT_ID}/tasks/`],
        ['a full key on users/@me', DEMO_KEYS.full, '/api/users/@me/'],
        ['a full key on projects/{id}', DEMO_KEYS.full, `/api/projects/${DEMO_PROJECT_ID}/`],
    ])('accepts %s', async (_name, key, path) => {
        const { call } = createTestFake()
        const response = await call('GET', path, { key })
        expect(response.status).toBe(200)
    })

    it('describes the current user and the project', async () => {
        const { call } = createTestFake()
        const me = await call('GET', '/api/users/@me/')
        expect(me.json).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' })
        const project = await call('GET', `/api/projects/${DEMO_PROJECT_ID}/`)
        expect(project.json).toMatchObject({ id: DEMO_PROJECT_ID, name: 'Demo project' })
    })

    it('answers 405 for a method the route lacks, after authentication', async () => {
        const { call } = createTestFake()
        const anonymous = await call('DELETE', RUN, { key: null })
        expect(anonymous.status).toBe(403)
        const response = await call('DELETE', RUN)
        expect(response.status).toBe(405)
        expect(response.json).toEqual({
            type: 'invalid_request',
            code: 'method_not_allowed',
            detail: 'Method "DELETE" not allowed.',
            attr: null,
        })
    })
})
