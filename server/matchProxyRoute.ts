export type ProxyRouteName =
    | 'listTasks'
    | 'getTask'
    | 'listRuns'
    | 'getRun'
    | 'runTask'
    | 'listModels'
    | 'listSandboxEnvironments'
    | 'listSignalReports'
    | 'prepareUpload'
    | 'finalizeUpload'
    | 'getCurrentUser'
    | 'getProject'
    | 'getSchema'
    | 'getSessionLogs'
    | 'streamRun'
    | 'cancelRun'
    | 'sendRunCommand'

type Param = 'projectId' | 'taskId' | 'runId'
type Segment = string | { param: Param }

export interface ProxyRoute {
    name: ProxyRouteName
    method: 'GET' | 'POST'
    segments: readonly Segment[]
    // false: PostHog serves it without a key, so none is sent
    authenticated: boolean
    // set: a 2xx JSON object reaches the browser with only these top-level fields
    responseFields?: readonly string[]
    // the query parameters forwarded, each with the values it may take; every other parameter is dropped
    query: QueryAllowList
    // response headers passed back to the browser when their value matches; every other header is dropped
    responseHeaders?: QueryAllowList
    // the answer is an event stream, passed on as it arrives
    streaming?: boolean
    // an operator switch that can turn the route off (PROXY_ALLOW_RUN_CANCEL, PROXY_ALLOW_RUN_MESSAGES)
    switchedBy?: 'cancel' | 'messages'
}

export type QueryAllowList = Readonly<Record<string, RegExp>>

export interface ProxyPolicy {
    projectId: string
    // null: every task of the project
    allowedTaskIds: ReadonlySet<string> | null
}

export interface ProxyRefusal {
    status: 403 | 404 | 405
    code: 'not_found' | 'permission_denied' | 'method_not_allowed'
    detail: string
    allow?: string
}

export type ProxyMatch =
    { ok: true; route: ProxyRoute; upstreamPath: string; taskId: string | null } | { ok: false; refusal: ProxyRefusal }

const PROJECT = ['api', 'projects', { param: 'projectId' }] as const
// the app's client caps pages at 100
const PAGE = { limit: /^(?:[1-9]\d?|100)$/, offset: /^\d{1,9}$/ } as const
const NO_QUERY = {} as const
// the app pages the session log by offset, 5000 entries at a time (PostHog's ceiling)
const SESSION_LOG_PAGE = { limit: /^(?:[1-9]\d{0,2}|[1-4]\d{3}|5000)$/, offset: /^\d{1,9}$/ } as const
// the app opens a run's stream at its newest entry once it has read the session log
const STREAM_START = { start: /^latest$/ } as const
const TASK = [...PROJECT, 'tasks', { param: 'taskId' }] as const
const RUN = [...TASK, 'runs', { param: 'runId' }] as const

// Exactly the endpoints the app calls, nothing else.
export const PROXY_ROUTES: readonly ProxyRoute[] = [
    {
        name: 'listTasks',
        method: 'GET',
        segments: [...PROJECT, 'tasks'],
        authenticated: true,
        query: { ...PAGE, search: /^[^\p{Cc}]{1,200}$/u },
    },
    {
        name: 'listModels',
        method: 'GET',
        segments: [...PROJECT, 'tasks', 'models'],
        authenticated: true,
        query: NO_QUERY,
    },
    { name: 'getTask', method: 'GET', segments: TASK, authenticated: true, query: NO_QUERY },
    { name: 'listRuns', method: 'GET', segments: [...TASK, 'runs'], authenticated: true, query: PAGE },
    { name: 'getRun', method: 'GET', segments: RUN, authenticated: true, query: NO_QUERY },
    {
        name: 'getSessionLogs',
        method: 'GET',
        segments: [...RUN, 'session_logs'],
        authenticated: true,
        query: SESSION_LOG_PAGE,
        // the app stops paging the log when PostHog says there is no more
        responseHeaders: { 'x-has-more': /^(?:true|false)$/i },
    },
    {
        name: 'streamRun',
        method: 'GET',
        segments: [...RUN, 'stream'],
        authenticated: true,
        query: STREAM_START,
        streaming: true,
    },
    {
        name: 'cancelRun',
        method: 'POST',
        segments: [...RUN, 'cancel'],
        authenticated: true,
        query: NO_QUERY,
        switchedBy: 'cancel',
    },
    {
        name: 'sendRunCommand',
        method: 'POST',
        segments: [...RUN, 'command'],
        authenticated: true,
        query: NO_QUERY,
        switchedBy: 'messages',
    },
    { name: 'runTask', method: 'POST', segments: [...TASK, 'run'], authenticated: true, query: NO_QUERY },
    {
        name: 'prepareUpload',
        method: 'POST',
        segments: [...TASK, 'staged_artifacts', 'prepare_upload'],
        authenticated: true,
        query: NO_QUERY,
    },
    {
        name: 'finalizeUpload',
        method: 'POST',
        segments: [...TASK, 'staged_artifacts', 'finalize_upload'],
        authenticated: true,
        query: NO_QUERY,
    },
    {
        name: 'listSandboxEnvironments',
        method: 'GET',
        segments: [...PROJECT, 'sandbox_environments'],
        authenticated: true,
        query: PAGE,
    },
    {
        name: 'listSignalReports',
        method: 'GET',
        segments: [...PROJECT, 'signals', 'reports'],
        authenticated: true,
        query: PAGE,
    },
    // every visitor of a shared launcher would see these: only what the connection banner shows
    {
        name: 'getProject',
        method: 'GET',
        segments: PROJECT,
        authenticated: true,
        responseFields: ['id', 'name'],
        query: NO_QUERY,
    },
    {
        name: 'getCurrentUser',
        method: 'GET',
        segments: ['api', 'users', '@me'],
        authenticated: true,
        responseFields: ['first_name', 'last_name'],
        query: NO_QUERY,
    },
    {
        name: 'getSchema',
        method: 'GET',
        segments: ['api', 'schema'],
        authenticated: false,
        query: { format: /^json$/ },
    },
]

// The query PostHog gets: the route's allowed parameters with allowed values, once each; the rest is dropped.
export function buildUpstreamQuery(route: ProxyRoute, search: URLSearchParams): string {
    const kept = new URLSearchParams()
    for (const [name, pattern] of Object.entries(route.query)) {
        const value = search.get(name)
        if (value !== null && pattern.test(value)) {
            kept.set(name, value)
        }
    }
    const text = kept.toString()
    return text === '' ? '' : `?${text}`
}

const PARAM_PATTERNS: Record<Param, RegExp> = {
    projectId: /^\d{1,18}$/,
    taskId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    runId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
}

const NOT_FORWARDED: ProxyRefusal = {
    status: 404,
    code: 'not_found',
    detail: 'Run Launcher does not forward this path to PostHog.',
}

// The route for a path below the proxy prefix, with the project and task checked against the policy.
export function matchProxyRoute(method: string, path: string, policy: ProxyPolicy): ProxyMatch {
    const parts = splitPath(path)
    if (parts === null) {
        return { ok: false, refusal: NOT_FORWARDED }
    }
    const candidates = PROXY_ROUTES.flatMap((route) => {
        const params = matchSegments(route.segments, parts)
        return params === null ? [] : [{ route, params }]
    })
    const first = candidates[0]
    if (first === undefined) {
        return { ok: false, refusal: NOT_FORWARDED }
    }
    const { projectId, taskId } = first.params
    if (projectId !== undefined && projectId !== policy.projectId) {
        const detail = `Run Launcher only forwards requests for project ${policy.projectId}, not project ${projectId}.`
        return { ok: false, refusal: { status: 403, code: 'permission_denied', detail } }
    }
    if (taskId !== undefined && policy.allowedTaskIds !== null && !policy.allowedTaskIds.has(taskId)) {
        const detail = `Run Launcher is not allowed to use task ${taskId} (this deployment allows only some tasks).`
        return { ok: false, refusal: { status: 403, code: 'permission_denied', detail } }
    }
    const chosen = candidates.find((candidate) => candidate.route.method === method)
    if (chosen === undefined) {
        const allow = [...new Set(candidates.map((candidate) => candidate.route.method))].join(', ')
        const detail = `Method "${method}" not allowed.`
        return { ok: false, refusal: { status: 405, code: 'method_not_allowed', detail, allow } }
    }
    const upstreamPath = buildPath(chosen.route.segments, chosen.params)
    return { ok: true, route: chosen.route, upstreamPath, taskId: taskId ?? null }
}

// The canonical path PostHog routes, rebuilt from checked parts so nothing else of the request's path survives.
function buildPath(segments: readonly Segment[], params: Partial<Record<Param, string>>): string {
    const parts = segments.map((segment) => (typeof segment === 'string' ? segment : (params[segment.param] ?? '')))
    return `/${parts.join('/')}/`
}

// Segments of an absolute path with an optional trailing slash; empty segments and dot segments refuse.
function splitPath(path: string): string[] | null {
    if (!path.startsWith('/')) {
        return null
    }
    const parts = path.slice(1).replace(/\/$/, '').split('/')
    return parts.every((part) => part !== '' && part !== '.' && part !== '..') ? parts : null
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): Partial<Record<Param, string>> | null {
    if (segments.length !== parts.length) {
        return null
    }
    const params: Partial<Record<Param, string>> = {}
    for (const [index, segment] of segments.entries()) {
        const part = parts[index] ?? ''
        if (typeof segment === 'string') {
            if (part !== segment) {
                return null
            }
        } else if (PARAM_PATTERNS[segment.param].test(part)) {
            // ids are lower-case in PostHog; one spelling keeps the allow-list check exact
            params[segment.param] = part.toLowerCase()
        } else {
            return null
        }
    }
    return params
}
