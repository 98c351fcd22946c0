import type * as z from 'zod/mini'

import type { FieldModel, RunRequestBody } from '../schema/fieldModel.ts'
import { ApiError } from './ApiError.ts'
import type { ApiErrorInfo, NetworkReason } from './ApiError.ts'
import { apiErrorMessage } from './apiErrorMessage.ts'
import { connectionScope } from './connectionScope.ts'
import type { ConnectionScope } from './connectionScope.ts'
import { parseApiError } from './parseApiError.ts'
import {
    ApiModelSchema,
    CurrentUserSchema,
    FinalizeUploadResponseSchema,
    ModelsResponseSchema,
    pageSchema,
    PrepareUploadResponseSchema,
    ProjectSchema,
    SandboxEnvironmentSchema,
    SchemaDocumentSchema,
    SignalReportSchema,
    TaskRunSchema,
    TaskSchema,
    toPage,
} from './postHogSchemas.ts'
import type {
    ApiModel,
    CurrentUser,
    FinalizedArtifact,
    Page,
    PreparedArtifact,
    Project,
    SandboxEnvironment,
    SignalReport,
    Task,
    TaskRun,
} from './postHogSchemas.ts'
import { latestRunOf } from './runStatus.ts'

export const DEFAULT_TIMEOUT_MS = 20_000
export const WARM_RETRY_HEADER = 'X-PostHog-Warm-Retry'
const MAX_PAGE_SIZE = 100

export interface PostHogClientConfig {
    /** An origin (https://us.posthog.com) or a same-origin path prefix of the app's proxy (/posthog). */
    host: string
    projectId: string
    /** The personal API key; '' when the app's proxy adds it. Held in a closure, never exposed. */
    apiKey: string
    fetch?: typeof fetch
    /** True only behind the app's own proxy: PostHog's CORS does not allow the warm-retry header. */
    canSendWarmRetryHeader?: boolean
    timeoutMs?: number
}

export interface RequestOptions {
    signal?: AbortSignal | undefined
}

export interface RunStreamOptions extends RequestOptions {
    /** Skip the backlog (`?start=latest`): for a reader that has just read the session log. */
    fromLatest?: boolean | undefined
}

export interface ListTasksParams {
    search?: string | undefined
    limit?: number | undefined
    offset?: number | undefined
}

export interface ListParams {
    limit?: number | undefined
    offset?: number | undefined
}

export interface RunTaskOptions extends RequestOptions {
    /** A token from an earlier warming_up error, sent only when the header can be sent. */
    warmRetryToken?: string | undefined
    /** Maps a 400's attr to a form field; without it field errors become banners. */
    fieldModel?: FieldModel | undefined
}

export interface RunStarted {
    task: Task
    /** The new run; undefined only if PostHog left latest_run out (the run may still have started). */
    runId: string | undefined
    run: TaskRun | undefined
}

/** One file to stage (§4.6 step 1); the app only stages user attachments. */
export interface ArtifactToPrepare {
    name: string
    type: 'user_attachment'
    source?: string | undefined
    /** Bytes, 1 to 30 MiB. */
    size: number
    content_type?: string | undefined
}

/** One uploaded file to confirm (§4.6 step 3), echoing what prepare returned. */
export interface ArtifactToFinalize {
    id: string
    name: string
    type: 'user_attachment'
    source?: string | undefined
    storage_path: string
    content_type?: string | undefined
}

export interface PostHogClient {
    readonly host: string
    readonly projectId: string
    readonly scope: ConnectionScope
    readonly canSendWarmRetryHeader: boolean
    listTasks(params?: ListTasksParams, options?: RequestOptions): Promise<Page<Task>>
    getTask(taskId: string, options?: RequestOptions): Promise<Task>
    listRuns(taskId: string, params?: ListParams, options?: RequestOptions): Promise<Page<TaskRun>>
    getRun(taskId: string, runId: string, options?: RequestOptions): Promise<TaskRun>
    listSandboxEnvironments(params?: ListParams, options?: RequestOptions): Promise<Page<SandboxEnvironment>>
    listSignalReports(params?: ListParams, options?: RequestOptions): Promise<Page<SignalReport>>
    /** null when the server has no models endpoint (404): use the bundled table; [] means the same. */
    listModels(options?: RequestOptions): Promise<readonly ApiModel[] | null>
    getCurrentUser(options?: RequestOptions): Promise<CurrentUser>
    getProject(options?: RequestOptions): Promise<Project>
    runTask(taskId: string, body: RunRequestBody, options?: RunTaskOptions): Promise<RunStarted>
    /** Staged upload step 1: one presigned storage POST per artifact, in order. */
    prepareUpload(
        taskId: string,
        artifacts: readonly ArtifactToPrepare[],
        options?: RequestOptions
    ): Promise<readonly PreparedArtifact[]>
    /** Staged upload step 3: PostHog checks the stored objects; the returned ids go into pending_user_artifact_ids. */
    finalizeUpload(
        taskId: string,
        artifacts: readonly ArtifactToFinalize[],
        options?: RequestOptions
    ): Promise<readonly FinalizedArtifact[]>
    /** GET a path under the project (`tasks/@me/config/`), parsed with the caller's schema at the boundary. */
    getProjectJson<S extends z.ZodMiniType>(path: string, schema: S, options?: RequestOptions): Promise<z.infer<S>>
    /** PostHog's OpenAPI document (public, sent without the key), for the schema compiler to parse. */
    getSchemaDocument(options?: RequestOptions): Promise<Record<string, unknown>>
    /**
     * Pays the CORS preflight of the task's run URL before "Start run": a HEAD without the key (PostHog answers 401,
     * nothing runs) whose preflight the browser caches for that URL, so the run POST goes out at once.
     */
    warmRunPreflight(taskId: string): void
    /** Any JSON endpoint of a run (run-follow-up endpoints parse their own answers), with the status and headers. */
    exchangeRunJson<S extends z.ZodMiniType>(call: RunCall<S>): Promise<Exchanged<z.infer<S>>>
    /** The run's live event stream: the open response, its body still unread. Rejects with an ApiError. */
    openRunStream(taskId: string, runId: string, options?: RunStreamOptions): Promise<Response>
}

export interface RunCall<S extends z.ZodMiniType> {
    method: 'GET' | 'POST'
    taskId: string
    runId: string
    /** Below runs/{id}/, e.g. 'session_logs'. */
    action: string
    schema: S
    query?: Record<string, string | number | undefined>
    body?: unknown
    signal?: AbortSignal | undefined
}

export interface Exchanged<T> {
    data: T
    status: number
    headers: Headers
}

interface Call<S extends z.ZodMiniType> {
    method: 'GET' | 'POST'
    path: string
    schema: S
    query?: Record<string, string | number | undefined>
    body?: unknown
    headers?: Record<string, string>
    signal?: AbortSignal | undefined
    fieldModel?: FieldModel | undefined
    /** For public endpoints: the key goes nowhere it is not needed. */
    anonymous?: boolean
}

function baseUrlOf(host: string): string {
    const trimmed = host.trim().replace(/\/+$/, '')
    if (trimmed === '' || trimmed.startsWith('/') || /^https?:\/\/[^/]+$/i.test(trimmed)) return trimmed
    throw new TypeError('host must be an origin such as https://us.posthog.com or a path such as /posthog')
}

function segment(value: string): string {
    return encodeURIComponent(value)
}

function clampLimit(limit: number | undefined): number | undefined {
    return limit === undefined ? undefined : Math.min(Math.max(1, Math.floor(limit)), MAX_PAGE_SIZE)
}

function withQuery(url: string, query: Record<string, string | number | undefined> | undefined): string {
    const params = new URLSearchParams()
    for (const [name, value] of Object.entries(query ?? {})) {
        if (value !== undefined && value !== '') params.set(name, String(value))
    }
    const search = params.toString()
    return search === '' ? url : `${url}?${search}`
}

interface Where {
    host: string
    timeoutMs: number
}

function errorOf(info: ApiErrorInfo, status: number, where: Where, cause?: unknown): ApiError {
    const message = apiErrorMessage(info, { status, code: undefined, detail: undefined, ...where })
    return new ApiError({ info, message, status, cause })
}

/** A typed PostHog Tasks client; every failure rejects with an ApiError. */
export function createPostHogClient(config: PostHogClientConfig): PostHogClient {
    const { host, projectId, apiKey } = config
    const base = baseUrlOf(host)
    const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis)
    const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const canSendWarmRetryHeader = config.canSendWarmRetryHeader ?? false
    const where: Where = { host, timeoutMs }
    const projectPath = `/api/projects/${segment(projectId)}`
    // A server could echo the key into an error body; a very short key is left alone so bodies are not mangled.
    const redact = (text: string) => (apiKey.length >= 8 ? text.split(apiKey).join('[redacted]') : text)

    function headersFor(call: Call<z.ZodMiniType>): Record<string, string> {
        const headers: Record<string, string> = { Accept: 'application/json', ...call.headers }
        if (apiKey !== '' && call.anonymous !== true) headers['Authorization'] = `Bearer ${apiKey}`
        if (call.body !== undefined) headers['Content-Type'] = 'application/json'
        return headers
    }

    function networkReason(timeout: AbortSignal, signal: AbortSignal | undefined): NetworkReason {
        if (signal?.aborted) return 'cancelled'
        return timeout.aborted ? 'timeout' : 'unreachable'
    }

    async function send<S extends z.ZodMiniType>(call: Call<S>): Promise<z.infer<S>> {
        return (await exchange(call)).data
    }

    async function exchange<S extends z.ZodMiniType>(call: Call<S>): Promise<Exchanged<z.infer<S>>> {
        const timeout = AbortSignal.timeout(timeoutMs)
        const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout
        const init: RequestInit = { method: call.method, headers: headersFor(call), credentials: 'omit', signal }
        if (call.body !== undefined) init.body = JSON.stringify(call.body)
        const url = withQuery(`${base}${call.path}`, call.query)
        let status = 0
        let text: string
        let response: Response
        try {
            response = await doFetch(url, init)
            status = response.status
            text = redact(await response.text())
        } catch (error) {
            throw errorOf({ kind: 'network', reason: networkReason(timeout, call.signal) }, status, where, error)
        }
        if (!response.ok) throw parseApiError(status, text, response.headers, { fieldModel: call.fieldModel })
        let json: unknown
        try {
            json = JSON.parse(text)
        } catch (error) {
            // HTML or plain text on a 2xx: the address serves something, just not PostHog's API.
            throw errorOf({ kind: 'not_posthog' }, status, where, error)
        }
        const parsed = call.schema.safeParse(json)
        if (!parsed.success) throw errorOf({ kind: 'unexpected' }, status, where, parsed.error)
        return { data: parsed.data, status, headers: response.headers }
    }

    const runPath = (taskId: string, runId: string) => `${projectPath}/tasks/${segment(taskId)}/runs/${segment(runId)}/`

    async function openRunStream(taskId: string, runId: string, options: RunStreamOptions = {}): Promise<Response> {
        // Only the wait for the first byte is timed: the stream itself stays open for minutes.
        const timeout = new AbortController()
        const timer = setTimeout(() => {
            timeout.abort()
        }, timeoutMs)
        const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal
        const headers: Record<string, string> = { Accept: 'text/event-stream' }
        if (apiKey !== '') headers['Authorization'] = `Bearer ${apiKey}`
        let response: Response
        try {
            const query = options.fromLatest ? '?start=latest' : ''
            response = await doFetch(`${base}${runPath(taskId, runId)}stream/${query}`, {
                method: 'GET',
                headers,
                credentials: 'omit',
                signal,
            })
        } catch (error) {
            const reason: NetworkReason = options.signal?.aborted
                ? 'cancelled'
                : timeout.signal.aborted
                  ? 'timeout'
                  : 'unreachable'
            throw errorOf({ kind: 'network', reason }, 0, where, error)
        } finally {
            clearTimeout(timer)
        }
        if (!response.ok) throw parseApiError(response.status, redact(await response.text()), response.headers, {})
        return response
    }

    async function runTask(taskId: string, body: RunRequestBody, options: RunTaskOptions = {}): Promise<RunStarted> {
        const attempt = async (token: string | undefined) => {
            const task = await send({
                method: 'POST',
                path: `${projectPath}/tasks/${segment(taskId)}/run/`,
                schema: TaskSchema,
                body,
                headers: token === undefined ? {} : { [WARM_RETRY_HEADER]: token },
                signal: options.signal,
                fieldModel: options.fieldModel,
            })
            return { task, ...latestRunOf(task) }
        }
        const given = canSendWarmRetryHeader ? options.warmRetryToken : undefined
        try {
            return await attempt(given)
        } catch (error) {
            // The one automatic retry: PostHog asks for it, and only a proxy can send the header.
            const retryable = canSendWarmRetryHeader && given === undefined && error instanceof ApiError
            if (retryable && error.info.kind === 'warming_up' && error.info.retryToken !== undefined) {
                return attempt(error.info.retryToken)
            }
            throw error
        }
    }

    return {
        host,
        projectId,
        scope: connectionScope(host, projectId),
        canSendWarmRetryHeader,
        async listTasks(params = {}, options = {}) {
            const page = await send({
                method: 'GET',
                path: `${projectPath}/tasks/`,
                schema: pageSchema(TaskSchema),
                query: { search: params.search?.trim(), limit: clampLimit(params.limit), offset: params.offset },
                signal: options.signal,
            })
            return toPage(page)
        },
        getTask(taskId, options = {}) {
            return send({
                method: 'GET',
                path: `${projectPath}/tasks/${segment(taskId)}/`,
                schema: TaskSchema,
                signal: options.signal,
            })
        },
        async listRuns(taskId, params = {}, options = {}) {
            const page = await send({
                method: 'GET',
                path: `${projectPath}/tasks/${segment(taskId)}/runs/`,
                schema: pageSchema(TaskRunSchema),
                query: { limit: clampLimit(params.limit), offset: params.offset },
                signal: options.signal,
            })
            return toPage(page)
        },
        getRun(taskId, runId, options = {}) {
            return send({
                method: 'GET',
                path: `${projectPath}/tasks/${segment(taskId)}/runs/${segment(runId)}/`,
                schema: TaskRunSchema,
                signal: options.signal,
            })
        },
        async listSandboxEnvironments(params = {}, options = {}) {
            const page = await send({
                method: 'GET',
                path: `${projectPath}/sandbox_environments/`,
                schema: pageSchema(SandboxEnvironmentSchema),
                query: { limit: clampLimit(params.limit), offset: params.offset },
                signal: options.signal,
            })
            return toPage(page)
        },
        async listSignalReports(params = {}, options = {}) {
            const page = await send({
                method: 'GET',
                path: `${projectPath}/signals/reports/`,
                schema: pageSchema(SignalReportSchema),
                query: { limit: clampLimit(params.limit), offset: params.offset },
                signal: options.signal,
            })
            return toPage(page)
        },
        async listModels(options = {}) {
            try {
                const response = await send({
                    method: 'GET',
                    path: `${projectPath}/tasks/models/`,
                    schema: ModelsResponseSchema,
                    signal: options.signal,
                })
                return response.models.flatMap((entry) => {
                    const model = ApiModelSchema.safeParse(entry)
                    return model.success ? [model.data] : []
                })
            } catch (error) {
                // Older deployments lack the endpoint.
                if (error instanceof ApiError && error.status === 404) return null
                throw error
            }
        },
        getCurrentUser(options = {}) {
            return send({ method: 'GET', path: '/api/users/@me/', schema: CurrentUserSchema, signal: options.signal })
        },
        getProject(options = {}) {
            return send({ method: 'GET', path: `${projectPath}/`, schema: ProjectSchema, signal: options.signal })
        },
        runTask,
        async prepareUpload(taskId, artifacts, options = {}) {
            const response = await send({
                method: 'POST',
                path: `${projectPath}/tasks/${segment(taskId)}/staged_artifacts/prepare_upload/`,
                schema: PrepareUploadResponseSchema,
                body: { artifacts },
                signal: options.signal,
            })
            return response.artifacts
        },
        async finalizeUpload(taskId, artifacts, options = {}) {
            const response = await send({
                method: 'POST',
                path: `${projectPath}/tasks/${segment(taskId)}/staged_artifacts/finalize_upload/`,
                schema: FinalizeUploadResponseSchema,
                body: { artifacts },
                signal: options.signal,
            })
            return response.artifacts
        },
        warmRunPreflight(taskId) {
            // a proxy path is same-origin: nothing to preflight
            if (!/^https?:\/\//i.test(base)) return
            const init: RequestInit = {
                method: 'HEAD',
                // not CORS-safelisted: it is what makes the browser preflight (and cache the answer for this URL)
                headers: { 'Content-Type': 'application/json' },
                credentials: 'omit',
                signal: AbortSignal.timeout(timeoutMs),
            }
            doFetch(`${base}${projectPath}/tasks/${segment(taskId)}/run/`, init).then(
                () => undefined,
                () => undefined
            )
        },
        exchangeRunJson(call) {
            return exchange({
                method: call.method,
                path: `${runPath(call.taskId, call.runId)}${call.action}/`,
                schema: call.schema,
                ...(call.query === undefined ? {} : { query: call.query }),
                ...(call.body === undefined ? {} : { body: call.body }),
                signal: call.signal,
            })
        },
        openRunStream,
        getProjectJson(path, schema, options = {}) {
            return send({ method: 'GET', path: `${projectPath}/${path}`, schema, signal: options.signal })
        },
        getSchemaDocument(options = {}) {
            return send({
                method: 'GET',
                path: '/api/schema/',
                query: { format: 'json' },
                schema: SchemaDocumentSchema,
                signal: options.signal,
                anonymous: true,
            })
        },
    }
}
