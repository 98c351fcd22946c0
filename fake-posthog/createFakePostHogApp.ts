import type { Context } from 'hono'
import { Hono } from 'hono'

import { apiCorsMiddleware } from './apiCorsMiddleware.ts'
import {
    toApiCurrentUser,
    toApiProject,
    toApiRun,
    toApiSandboxEnvironment,
    toApiSignalReport,
    toApiTask,
} from './apiRepresentations.ts'
import type { AccessRequirement, AccessResult } from './authorizeRequest.ts'
import { authorizeRequest } from './authorizeRequest.ts'
import { myTaskConfigResponse, resolveRunDefaults } from './resolveRunDefaults.ts'
import type { FakeApiKey, FakeModel, FakeProject, FakeTask } from './fakeEntities.ts'
import type { FakePostHogOptions } from './FakePostHogOptions.ts'
import { resolveRunStatusSteps } from './FakePostHogOptions.ts'
import type { FakeState } from './FakeState.ts'
import type { InjectedResponse, RecordedRequest } from './FakeTraffic.ts'
import { FakeTraffic } from './FakeTraffic.ts'
import { filterTasks } from './filterTasks.ts'
import { finalizeStagedUpload } from './finalizeStagedUpload.ts'
import { handleStorageUpload, STORAGE_UPLOAD_PATH, storageCorsMiddleware } from './handleStorageUpload.ts'
import { buildHogError, buildNotFoundFailure } from './hogError.ts'
import type { HttpFailure } from './jsonResponse.ts'
import { jsonResponse, toFailureResponse } from './jsonResponse.ts'
import { paginate } from './paginate.ts'
import { parseJsonBody } from './parseJsonBody.ts'
import { prepareStagedUpload } from './prepareStagedUpload.ts'
import { advanceRunWithActivity, registerRunActivityRoutes } from './registerRunActivityRoutes.ts'
import { buildSchemaDocumentResponse } from './schemaDocumentResponse.ts'
import { LARGE_PROJECT_ADMIN_PATH, seedLargeProjectResponse } from './seedLargeProject.ts'
import { createSeedState } from './seedData.ts'
import { startTaskRun } from './startTaskRun.ts'
import { validateRunRequest } from './validateRunRequest.ts'

type AppEnv = { Variables: { recorded: RecordedRequest } }
type AppContext = Context<AppEnv>
type Granted = Extract<AccessResult, { ok: true }> & { project: FakeProject }

const PROJECT = '/api/projects/:projectId'
const TASK = `${PROJECT}/tasks/:taskId`
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

// The fake PostHog as a Hono app: record, CORS, injected answers, then PostHog's routes.
export function createFakePostHogApp(
    options: FakePostHogOptions = {},
    state: FakeState = createSeedState(),
    traffic: FakeTraffic = new FakeTraffic()
): Hono<AppEnv> {
    // PostHog's routers accept paths with and without the trailing slash
    const app = new Hono<AppEnv>({ strict: false })

    app.use('*', async (c, next) => {
        const recorded = await recordRequest(c.req.raw)
        traffic.requests.push(recorded)
        c.set('recorded', recorded)
        await next()
    })
    app.use('/api/*', apiCorsMiddleware)
    app.use('/__storage/*', storageCorsMiddleware)
    app.use('*', async (c, next) => {
        const url = new URL(c.req.url)
        const rule = traffic.takeInjected(c.req.method, url.pathname, url.search, c.req.raw.headers)
        if (rule !== undefined) {
            return buildInjectedResponse(rule)
        }
        await next()
        return undefined
    })

    const authorize = (c: AppContext, requirement: AccessRequirement): AccessResult =>
        authorizeRequest(
            {
                state,
                authorization: c.req.header('authorization'),
                unauthenticatedStatus: options.unauthenticatedStatus ?? 403,
                origin: new URL(c.req.url).origin,
            },
            requirement
        )

    // authentication and scopes for a project route; the handler runs only when both pass
    const withProject = async (
        c: AppContext,
        scope: string,
        handler: (granted: Granted) => Response | Promise<Response>
    ): Promise<Response> => {
        const projectId = c.req.param('projectId') ?? ''
        const access = authorize(c, { scope, family: 'product', projectId })
        if (!access.ok) {
            return toFailureResponse(access.failure)
        }
        if (access.project === undefined) {
            return toFailureResponse(buildNotFoundFailure())
        }
        return handler({ ...access, project: access.project })
    }

    const catalog = (): readonly FakeModel[] => (typeof options.models === 'object' ? options.models : state.models)

    const visibleTask = (granted: Granted, taskId: string | undefined): FakeTask | undefined =>
        taskId === undefined ? undefined : state.findTask(granted.project.id, taskId)

    // running or staging files needs control of the task, which is the creator's
    const controllableTask = (granted: Granted, taskId: string | undefined): FakeTask | undefined => {
        const task = visibleTask(granted, taskId)
        return task?.createdById === granted.user.id ? task : undefined
    }

    const accessibleProjects = (key: FakeApiKey): FakeProject[] =>
        state.projects.filter(
            (project) => (key.scopedTeams ?? []).length === 0 || key.scopedTeams?.includes(project.id)
        )

    app.get('/api/schema', (c) =>
        buildSchemaDocumentResponse(options.schemaDocument, new URL(c.req.url), c.req.header('accept') ?? '')
    )

    app.get('/api/users/@me', (c) => {
        const access = authorize(c, { scope: 'user:read', family: 'core' })
        if (!access.ok) {
            return toFailureResponse(access.failure)
        }
        return jsonResponse(200, toApiCurrentUser(state, access.user, accessibleProjects(access.key)))
    })
    allowOnly(app, '/api/users/@me', authorize, 'core')

    app.get('/api/projects', (c) => {
        const access = authorize(c, { scope: 'project:read', family: 'core' })
        if (!access.ok) {
            return toFailureResponse(access.failure)
        }
        const projects = accessibleProjects(access.key).map(toApiProject)
        return jsonResponse(200, paginate(projects, new URL(c.req.url), { defaultLimit: 100 }))
    })
    allowOnly(app, '/api/projects', authorize, 'core')

    app.get(PROJECT, (c) => {
        const access = authorize(c, { scope: 'project:read', family: 'core', projectId: c.req.param('projectId') })
        if (!access.ok) {
            return toFailureResponse(access.failure)
        }
        return access.project === undefined
            ? toFailureResponse(buildNotFoundFailure())
            : jsonResponse(200, toApiProject(access.project))
    })
    allowOnly(app, PROJECT, authorize, 'core')

    app.get(`${PROJECT}/tasks`, (c) =>
        withProject(c, 'task:read', (granted) => {
            const url = new URL(c.req.url)
            const tasks = filterTasks(
                state,
                state.tasks.filter((task) => task.projectId === granted.project.id),
                url.searchParams
            )
            const page = paginate(tasks, url, { defaultLimit: 50, maxLimit: 100 })
            return jsonResponse(200, { ...page, results: page.results.map((task) => toApiTask(state, task)) })
        })
    )
    allowOnly(app, `${PROJECT}/tasks`, authorize, 'product')

    app.get(`${PROJECT}/tasks/models`, (c) =>
        withProject(c, 'task:read', () => {
            if (options.models === 'missing') {
                return toFailureResponse(buildNotFoundFailure())
            }
            return jsonResponse(200, { models: options.models === 'empty' ? [] : catalog() })
        })
    )
    allowOnly(app, `${PROJECT}/tasks/models`, authorize, 'product')

    app.get(`${PROJECT}/tasks/@me/config`, (c) =>
        withProject(c, 'task:read', () => jsonResponse(200, myTaskConfigResponse(options.runDefaults ?? {})))
    )
    allowOnly(app, `${PROJECT}/tasks/@me/config`, authorize, 'product')

    app.get(`${PROJECT}/tasks/repositories`, (c) =>
        withProject(c, 'task:read', (granted) => {
            const repositories = state.tasks
                .filter((task) => task.projectId === granted.project.id)
                .flatMap((task) => task.repositories)
            return jsonResponse(200, { repositories: [...new Set(repositories)].sort() })
        })
    )
    allowOnly(app, `${PROJECT}/tasks/repositories`, authorize, 'product')

    app.get(TASK, (c) =>
        withProject(c, 'task:read', (granted) => {
            const task = visibleTask(granted, c.req.param('taskId'))
            return task === undefined
                ? toFailureResponse(buildNotFoundFailure())
                : jsonResponse(200, toApiTask(state, task))
        })
    )
    allowOnly(app, TASK, authorize, 'product')

    app.post(`${TASK}/run`, (c) =>
        withProject(c, 'task:write', (granted) => {
            const task = controllableTask(granted, c.req.param('taskId'))
            if (task === undefined) {
                return toFailureResponse(buildNotFoundFailure())
            }
            const body = parseJsonBody(c.get('recorded'))
            if (!body.ok) {
                return toFailureResponse(body.failure)
            }
            const validated = validateRunRequest(body.data, catalog())
            if (!validated.ok) {
                return toFailureResponse(validated.failure)
            }
            const started = startTaskRun({
                state,
                task,
                caller: granted.user,
                request: validated.request,
                catalog: catalog(),
                statusSteps: resolveRunStatusSteps(options),
                runDefaults: resolveRunDefaults(options.runDefaults ?? {}),
            })
            if (!started.ok) {
                return toFailureResponse(started.failure)
            }
            return jsonResponse(200, toApiTask(state, task, started.run))
        })
    )
    allowOnly(app, `${TASK}/run`, authorize, 'product')

    app.get(`${TASK}/runs`, (c) =>
        withProject(c, 'task:read', (granted) => {
            const task = visibleTask(granted, c.req.param('taskId'))
            if (task === undefined) {
                return toFailureResponse(buildNotFoundFailure())
            }
            const page = paginate(state.listTaskRuns(task.id), new URL(c.req.url), { defaultLimit: 50, maxLimit: 100 })
            return jsonResponse(200, { ...page, results: page.results.map(toApiRun) })
        })
    )
    allowOnly(app, `${TASK}/runs`, authorize, 'product')

    app.get(`${TASK}/runs/:runId`, (c) =>
        withProject(c, 'task:read', (granted) => {
            const task = visibleTask(granted, c.req.param('taskId'))
            const run = task === undefined ? undefined : state.findRun(task.id, c.req.param('runId'))
            if (task === undefined || run === undefined) {
                return toFailureResponse(buildNotFoundFailure())
            }
            advanceRunWithActivity(run, task, state.now(), options)
            return jsonResponse(200, toApiRun(run))
        })
    )
    allowOnly(app, `${TASK}/runs/:runId`, authorize, 'product')

    registerRunActivityRoutes(app, {
        options,
        state,
        withRun: (c, access, handler) =>
            withProject(c, access === 'read' ? 'task:read' : 'task:write', (granted) => {
                const taskId = c.req.param('taskId')
                const task = access === 'read' ? visibleTask(granted, taskId) : controllableTask(granted, taskId)
                const run = task === undefined ? undefined : state.findRun(task.id, c.req.param('runId') ?? '')
                return task === undefined || run === undefined
                    ? toFailureResponse(buildNotFoundFailure())
                    : handler(task, run)
            }),
    })

    const stagedRoute = (
        step: (
            task: FakeTask,
            body: unknown,
            origin: string
        ) => { ok: true; body: unknown } | { ok: false; failure: HttpFailure }
    ) => {
        return (c: AppContext) =>
            withProject(c, 'task:write', (granted) => {
                const task = controllableTask(granted, c.req.param('taskId'))
                if (task === undefined) {
                    return toFailureResponse(buildNotFoundFailure())
                }
                const body = parseJsonBody(c.get('recorded'))
                if (!body.ok) {
                    return toFailureResponse(body.failure)
                }
                const result = step(task, body.data, new URL(c.req.url).origin)
                return result.ok ? jsonResponse(200, result.body) : toFailureResponse(result.failure)
            })
    }
    app.post(
        `${TASK}/staged_artifacts/prepare_upload`,
        stagedRoute((task, body, origin) => prepareStagedUpload(state, task, body, `${origin}${STORAGE_UPLOAD_PATH}`))
    )
    allowOnly(app, `${TASK}/staged_artifacts/prepare_upload`, authorize, 'product')
    app.post(
        `${TASK}/staged_artifacts/finalize_upload`,
        stagedRoute((task, body) => finalizeStagedUpload(state, task, body))
    )
    allowOnly(app, `${TASK}/staged_artifacts/finalize_upload`, authorize, 'product')

    app.get(`${PROJECT}/sandbox_environments`, (c) =>
        withProject(c, 'task:read', (granted) => {
            const environments = state.sandboxEnvironments.filter(
                (environment) =>
                    environment.projectId === granted.project.id &&
                    (!environment.private || environment.createdById === granted.user.id)
            )
            const page = paginate(environments, new URL(c.req.url), { defaultLimit: 100 })
            return jsonResponse(200, {
                ...page,
                results: page.results.map((environment) => toApiSandboxEnvironment(state, environment)),
            })
        })
    )
    allowOnly(app, `${PROJECT}/sandbox_environments`, authorize, 'product')

    app.get(`${PROJECT}/signals/reports`, (c) =>
        withProject(c, 'task:read', (granted) => {
            const url = new URL(c.req.url)
            const statuses = url.searchParams.get('status')?.split(',')
            const reports = state.signalReports
                .filter(
                    (report) =>
                        report.projectId === granted.project.id &&
                        (statuses === undefined
                            ? report.status !== 'deleted' && report.status !== 'suppressed'
                            : statuses.includes(report.status))
                )
                .sort((a, b) => b.total_weight - a.total_weight || b.updated_at.localeCompare(a.updated_at))
            const page = paginate(reports, url, { defaultLimit: 100 })
            return jsonResponse(200, { ...page, results: page.results.map(toApiSignalReport) })
        })
    )
    allowOnly(app, `${PROJECT}/signals/reports`, authorize, 'product')

    app.post(STORAGE_UPLOAD_PATH, (c) => handleStorageUpload(state, c.req.raw))
    app.post(LARGE_PROJECT_ADMIN_PATH, () => seedLargeProjectResponse(state, options))

    app.notFound((c) => {
        if (new URL(c.req.url).pathname.startsWith('/api/')) {
            return toFailureResponse(buildNotFoundFailure())
        }
        return new Response('<h1>Not Found</h1><p>The requested resource was not found on this server.</p>', {
            status: 404,
            headers: { 'content-type': 'text/html; charset=utf-8' },
        })
    })
    app.onError((error) => {
        console.error('Fake PostHog failed to answer:', error)
        return jsonResponse(500, buildHogError('server_error', 'error', 'A server error occurred.'))
    })
    return app
}

// After authentication DRF answers 405 for a method the view lacks.
function allowOnly(
    app: Hono<AppEnv>,
    path: string,
    authorize: (c: AppContext, requirement: AccessRequirement) => AccessResult,
    family: 'core' | 'product'
): void {
    app.all(path, (c) => {
        const projectId = c.req.param('projectId')
        const access = authorize(c, { family, ...(projectId === undefined ? {} : { projectId }) })
        if (!access.ok) {
            return toFailureResponse(access.failure)
        }
        const detail = `Method "${c.req.method}" not allowed.`
        return jsonResponse(405, buildHogError('invalid_request', 'method_not_allowed', detail))
    })
}

async function recordRequest(request: Request): Promise<RecordedRequest> {
    const url = new URL(request.url)
    const body = new TextDecoder().decode(await request.clone().arrayBuffer())
    return {
        method: request.method,
        path: url.pathname + url.search,
        headers: Object.fromEntries(request.headers),
        body,
        json: parseJsonOrUndefined(body),
    }
}

function parseJsonOrUndefined(text: string): unknown {
    try {
        return JSON.parse(text) as unknown
    } catch {
        return undefined
    }
}

function buildInjectedResponse(rule: InjectedResponse): Response {
    const headers = new Headers(rule.headers)
    let body: string | null = null
    if (typeof rule.body === 'string') {
        body = rule.body
        if (!headers.has('content-type')) {
            headers.set(
                'content-type',
                body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'application/json'
            )
        }
    } else if (rule.body !== undefined) {
        body = JSON.stringify(rule.body)
        if (!headers.has('content-type')) {
            headers.set('content-type', 'application/json')
        }
    }
    return new Response(NULL_BODY_STATUSES.has(rule.status) ? null : body, { status: rule.status, headers })
}
