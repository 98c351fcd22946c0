import { describe, expect, it } from 'vitest'

import { buildUpstreamQuery, matchProxyRoute, PROXY_ROUTES } from './matchProxyRoute.ts'
import type { ProxyPolicy } from './matchProxyRoute.ts'

const TASK = '0196a1b2-0001-7000-8000-000000000001'
const OTHER_TASK = '0196a1b2-0001-7000-8000-000000000002'
const RUN = '0196a1b2-0002-7000-8000-000000000003'
const RUN_PATH = `/api/projects/1/tasks/${TASK}/runs/${RUN}/`
const OPEN: ProxyPolicy = { projectId: '1', allowedTaskIds: null }
const RESTRICTED: ProxyPolicy = { projectId: '1', allowedTaskIds: new Set([TASK]) }

describe('matchProxyRoute', () => {
    it.each([
        ['GET', '/api/projects/1/tasks/', 'listTasks', '/api/projects/1/tasks/'],
        ['GET', '/api/projects/1/tasks', 'listTasks', '/api/projects/1/tasks/'],
        ['GET', `/api/projects/1/tasks/${TASK}/`, 'getTask', `/api/projects/1/tasks/${TASK}/`],
        ['GET', `/api/projects/1/tasks/${TASK.toUpperCase()}/`, 'getTask', `/api/projects/1/tasks/${TASK}/`],
        ['GET', `/api/projects/1/tasks/${TASK}/runs/`, 'listRuns', `/api/projects/1/tasks/${TASK}/runs/`],
        ['GET', `/api/projects/1/tasks/${TASK}/runs/${RUN}/`, 'getRun', `/api/projects/1/tasks/${TASK}/runs/${RUN}/`],
        ['POST', `/api/projects/1/tasks/${TASK}/run/`, 'runTask', `/api/projects/1/tasks/${TASK}/run/`],
        ['GET', '/api/projects/1/tasks/models/', 'listModels', '/api/projects/1/tasks/models/'],
        [
            'GET',
            '/api/projects/1/sandbox_environments/',
            'listSandboxEnvironments',
            '/api/projects/1/sandbox_environments/',
        ],
        ['GET', '/api/projects/1/signals/reports/', 'listSignalReports', '/api/projects/1/signals/reports/'],
        [
            'POST',
            `/api/projects/1/tasks/${TASK}/staged_artifacts/prepare_upload/`,
            'prepareUpload',
            `/api/projects/1/tasks/${TASK}/staged_artifacts/prepare_upload/`,
        ],
        [
            'POST',
            `/api/projects/1/tasks/${TASK}/staged_artifacts/finalize_upload/`,
            'finalizeUpload',
            `/api/projects/1/tasks/${TASK}/staged_artifacts/finalize_upload/`,
        ],
        ['GET', '/api/users/@me/', 'getCurrentUser', '/api/users/@me/'],
        ['GET', '/api/projects/1/', 'getProject', '/api/projects/1/'],
        ['GET', '/api/schema/', 'getSchema', '/api/schema/'],
        ['GET', `${RUN_PATH}session_logs/`, 'getSessionLogs', `${RUN_PATH}session_logs/`],
        ['GET', `${RUN_PATH}stream`, 'streamRun', `${RUN_PATH}stream/`],
        ['POST', `${RUN_PATH}cancel/`, 'cancelRun', `${RUN_PATH}cancel/`],
        ['POST', `${RUN_PATH}command/`, 'sendRunCommand', `${RUN_PATH}command/`],
    ])('%s %s → %s', (method, path, name, upstreamPath) => {
        const match = matchProxyRoute(method, path, OPEN)
        expect(match).toMatchObject({ ok: true, route: { name, method }, upstreamPath })
    })

    it.each([
        ['GET', `${RUN_PATH}cancel/`, 405],
        ['POST', `${RUN_PATH}stream/`, 405],
        ['GET', `/api/projects/1/tasks/${OTHER_TASK}/runs/${RUN}/stream/`, 403],
        ['POST', `/api/projects/2/tasks/${TASK}/runs/${RUN}/command/`, 403],
    ])(
        'the run follow-up routes keep to their method, project and allowed tasks: %s %s → %i',
        (method, path, status) => {
            const match = matchProxyRoute(method, path, RESTRICTED)
            expect(match.ok ? 200 : match.refusal.status).toBe(status)
        }
    )

    it('marks the stream as streaming and cancel and command as switchable', () => {
        const route = (method: string, action: string) => {
            const match = matchProxyRoute(method, `${RUN_PATH}${action}/`, OPEN)
            return match.ok ? match.route : undefined
        }
        expect(route('GET', 'stream')?.streaming).toBe(true)
        expect(route('POST', 'cancel')?.switchedBy).toBe('cancel')
        expect(route('POST', 'command')?.switchedBy).toBe('messages')
        expect(route('GET', 'session_logs')?.switchedBy).toBeUndefined()
    })

    it('sends no key for the schema document, which PostHog serves without one', () => {
        const match = matchProxyRoute('GET', '/api/schema/', OPEN)
        expect(match.ok && match.route.authenticated).toBe(false)
        const tasks = matchProxyRoute('GET', '/api/projects/1/tasks/', OPEN)
        expect(tasks.ok && tasks.route.authenticated).toBe(true)
    })

    it.each([
        '/api/projects/',
        '/api/projects/1/tasks/repositories/',
        `/api/projects/1/tasks/${TASK}/runs/${RUN}/logs/`,
        `/api/projects/1/tasks/${TASK}/runs/${RUN}/stream_token/`,
        `/api/projects/1/tasks/${TASK}/runs/${RUN}/resume_in_cloud/`,
        '/api/projects/1/feature_flags/',
        '/api/projects/1/insights/',
        '/api/organizations/@current/',
        '/api/personal_api_keys/',
        '/api/users/1/',
        '/api/projects/@current/tasks/',
        '/api/projects/1/tasks/not-a-uuid/',
        `/api/projects/1/tasks/${TASK}/runs/latest/`,
        '/api/projects/1//tasks/',
        '/api/projects/1/tasks/../../users/@me/',
        '/api/projects/1/./tasks/',
        'api/projects/1/tasks/',
        '',
        '/',
        '/admin/',
        '/api/projects/1/tasks/%2e%2e/',
        '/api/projects/1%2Ftasks/',
    ])('refuses %j as a path it does not forward', (path) => {
        expect(matchProxyRoute('GET', path, OPEN)).toEqual({
            ok: false,
            refusal: { status: 404, code: 'not_found', detail: 'Run Launcher does not forward this path to PostHog.' },
        })
    })

    it.each([
        ['GET', '/api/projects/2/tasks/'],
        ['POST', `/api/projects/2/tasks/${TASK}/run/`],
        ['GET', '/api/projects/01/'],
    ])('refuses %s %s: another project', (method, path) => {
        const match = matchProxyRoute(method, path, OPEN)
        expect(match).toMatchObject({ ok: false, refusal: { status: 403, code: 'permission_denied' } })
        expect(!match.ok && match.refusal.detail).toMatch(/^Run Launcher only forwards requests for project 1, not/)
    })

    it.each([
        ['GET', `/api/projects/1/tasks/${OTHER_TASK}/`],
        ['GET', `/api/projects/1/tasks/${OTHER_TASK}/runs/`],
        ['GET', `/api/projects/1/tasks/${OTHER_TASK}/runs/${RUN}/`],
        ['POST', `/api/projects/1/tasks/${OTHER_TASK}/run/`],
        ['POST', `/api/projects/1/tasks/${OTHER_TASK}/staged_artifacts/prepare_upload/`],
    ])('with allowed task ids, refuses %s %s', (method, path) => {
        expect(matchProxyRoute(method, path, RESTRICTED)).toMatchObject({
            ok: false,
            refusal: { status: 403, code: 'permission_denied', detail: expect.stringContaining(OTHER_TASK) },
        })
        expect(matchProxyRoute(method, path.replace(OTHER_TASK, TASK), RESTRICTED).ok).toBe(true)
    })

    it('with allowed task ids, still allows the lists and pickers', () => {
        for (const path of ['/api/projects/1/tasks/', '/api/projects/1/tasks/models/', '/api/users/@me/']) {
            expect(matchProxyRoute('GET', path, RESTRICTED).ok).toBe(true)
        }
    })

    it.each([
        ['DELETE', `/api/projects/1/tasks/${TASK}/`, 'GET'],
        ['PATCH', `/api/projects/1/tasks/${TASK}/`, 'GET'],
        ['POST', '/api/projects/1/tasks/', 'GET'],
        ['GET', `/api/projects/1/tasks/${TASK}/run/`, 'POST'],
        ['OPTIONS', '/api/users/@me/', 'GET'],
    ])('refuses %s on %s with 405 and Allow', (method, path, allow) => {
        expect(matchProxyRoute(method, path, OPEN)).toEqual({
            ok: false,
            refusal: { status: 405, code: 'method_not_allowed', detail: `Method "${method}" not allowed.`, allow },
        })
    })
})

describe('buildUpstreamQuery', () => {
    const route = (name: string) => {
        const found = PROXY_ROUTES.find((candidate) => candidate.name === name)
        if (found === undefined) throw new Error(name)
        return found
    }

    it.each([
        ['listTasks', 'limit=50&offset=100&search=flaky%20login', '?limit=50&offset=100&search=flaky+login'],
        ['listTasks', 'limit=999999&offset=-1&ordering=id', ''],
        ['listTasks', 'limit=2&limit=3', '?limit=2'],
        ['listRuns', 'limit=100&search=x', '?limit=100'],
        ['getTask', 'limit=2', ''],
        ['runTask', 'format=api&personal_api_key=phx_abc', ''],
        ['getSchema', 'format=json&personal_api_key=phx_abc', '?format=json'],
        ['getSchema', 'format=api', ''],
        ['getCurrentUser', '__proto__=1&constructor=2', ''],
        ['streamRun', 'start=latest', '?start=latest'],
        ['streamRun', 'start=0&last_event_id=5', ''],
    ])('%s ?%s → %j', (name, search, expected) => {
        expect(buildUpstreamQuery(route(name), new URLSearchParams(search))).toBe(expected)
    })
})
