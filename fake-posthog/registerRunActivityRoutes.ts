import type { Context, Hono } from 'hono'
import { streamSSE } from 'hono/streaming'

import { advanceRunStatus } from './advanceRunStatus.ts'
import { toApiRun } from './apiRepresentations.ts'
import type { FakeTask, FakeTaskRun } from './fakeEntities.ts'
import {
    activityOf,
    DEFAULT_STEP_MS,
    appendEntry,
    buildAgentMessage,
    buildNotification,
    buildSessionUpdate,
    dueEntries,
    hasPlayedOut,
    isTerminal,
    publishRunState,
} from './fakeRunActivity.ts'
import type { FakePostHogOptions } from './FakePostHogOptions.ts'
import type { FakeState } from './FakeState.ts'
import type { RecordedRequest } from './FakeTraffic.ts'
import { jsonResponse, toFailureResponse } from './jsonResponse.ts'
import { parseJsonBody } from './parseJsonBody.ts'

type ActivityEnv = { Variables: { recorded: RecordedRequest } }
type ActivityContext = Context<ActivityEnv>

export interface RunActivityRouteDeps {
    options: FakePostHogOptions
    state: FakeState
    // runs the handler with the task the caller may see (read) or control (write), or answers 403/404 itself
    withRun: (
        c: ActivityContext,
        access: 'read' | 'control',
        handler: (task: FakeTask, run: FakeTaskRun) => Response | Promise<Response>
    ) => Promise<Response>
}

const RUN = '/api/projects/:projectId/tasks/:taskId/runs/:runId'
const SESSION_LOG_MAX_LIMIT = 5000
const STREAM_TICK_MS = 40
const KEEPALIVE_MS = 5000
const COMMAND_METHODS = new Set(['user_message', 'cancel', 'close', 'permission_response', 'set_config_option'])

// A GET of the run moves it along, but never to its end before its activity has played out.
export function advanceRunWithActivity(run: FakeTaskRun, task: FakeTask, now: Date, options: FakePostHogOptions): void {
    const activity = activityOf(run, options)
    const next = run.upcomingStatuses[0]
    // only when a test or the demo asked for a played activity; otherwise statuses move as they always did
    if (
        options.activity !== undefined &&
        next !== undefined &&
        ['completed', 'failed', 'cancelled'].includes(next) &&
        !hasPlayedOut(activity, now.getTime())
    ) {
        return
    }
    const before = run.status
    advanceRunStatus(run, task, now)
    if (run.status === 'in_progress') {
        run.stage = dueEntries(run, activity, now.getTime()).length < 3 ? 'setup' : 'build'
    }
    if (run.status !== before) {
        publishRunState(run, activity, now.getTime())
    }
}

// session_logs, stream, cancel and command of a run, as §1–3 of the follow-up contract describe them.
export function registerRunActivityRoutes(app: Hono<ActivityEnv>, deps: RunActivityRouteDeps): void {
    const { options, state } = deps
    const now = () => state.now().getTime()

    app.get(`${RUN}/session_logs`, (c) =>
        deps.withRun(c, 'read', (_task, run) => {
            const url = new URL(c.req.url)
            const limit = Number(url.searchParams.get('limit') ?? '1000')
            const offset = Number(url.searchParams.get('offset') ?? '0')
            if (!Number.isInteger(limit) || limit < 1 || limit > SESSION_LOG_MAX_LIMIT) {
                return jsonResponse(400, { limit: [`Ensure this value is between 1 and ${SESSION_LOG_MAX_LIMIT}.`] })
            }
            if (!Number.isInteger(offset) || offset < 0) {
                return jsonResponse(400, { offset: ['Ensure this value is greater than or equal to 0.'] })
            }
            const entries = dueEntries(run, activityOf(run, options), now()).map((logged) => logged.entry)
            const page = entries.slice(offset, offset + limit)
            return jsonResponse(200, page, {
                'x-total-count': String(entries.length),
                'x-filtered-count': String(entries.length),
                'x-matching-count': String(entries.length),
                'x-has-more': String(offset + page.length < entries.length),
                'cache-control': 'no-cache',
            })
        })
    )

    app.get(`${RUN}/stream`, (c) =>
        deps.withRun(c, 'read', (_task, run) => {
            const activity = activityOf(run, options)
            const url = new URL(c.req.url)
            const lastEventId = Number(c.req.header('last-event-id') ?? Number.NaN)
            let cursor = Number.isInteger(lastEventId) ? lastEventId + 1 : 0
            if (url.searchParams.get('start') === 'latest') {
                cursor = dueEntries(run, activity, now()).length
            }
            let stateCursor = activity.stateEvents.filter((event) => event.afterEntries < cursor).length
            return streamSSE(c, async (stream) => {
                let lastWrite = Date.now()
                while (!stream.aborted && !stream.closed) {
                    const due = dueEntries(run, activity, now())
                    while (cursor < due.length) {
                        const logged = due[cursor]
                        if (logged === undefined) break
                        await stream.writeSSE({ id: String(cursor), data: JSON.stringify(logged.entry) })
                        lastWrite = Date.now()
                        const rotate = activity.rotateAt.delete(cursor)
                        cursor++
                        if (rotate) {
                            await stream.writeSSE({ event: 'end', data: JSON.stringify({ type: 'rotated' }) })
                            return
                        }
                    }
                    while (stateCursor < activity.stateEvents.length) {
                        const event = activity.stateEvents[stateCursor]
                        stateCursor++
                        if (event !== undefined) await stream.writeSSE({ data: JSON.stringify(event.data) })
                    }
                    if (isTerminal(run) && cursor >= due.length) {
                        await stream.writeSSE({ event: 'stream-end', data: JSON.stringify({ status: 'complete' }) })
                        return
                    }
                    if (Date.now() - lastWrite > KEEPALIVE_MS) {
                        await stream.writeSSE({ event: 'keepalive', data: JSON.stringify({ type: 'keepalive' }) })
                        lastWrite = Date.now()
                    }
                    await stream.sleep(STREAM_TICK_MS)
                }
            })
        })
    )

    app.post(`${RUN}/cancel`, (c) =>
        deps.withRun(c, 'control', (task, run) => {
            const body = parseJsonBody(c.get('recorded'))
            if (!body.ok) {
                return toFailureResponse(body.failure)
            }
            const data = body.data ?? {}
            if (typeof data !== 'object' || Array.isArray(data)) {
                return jsonResponse(400, { non_field_errors: ['Invalid data. Expected a dictionary.'] })
            }
            const unknownKey = Object.keys(data).find((key) => key !== 'reason')
            const reason: unknown = 'reason' in data ? data.reason : undefined
            if (unknownKey !== undefined) {
                return jsonResponse(400, { [unknownKey]: ['Unrecognized key.'] })
            }
            if (reason !== undefined && reason !== null && (typeof reason !== 'string' || reason.length > 500)) {
                return jsonResponse(400, { reason: ['Ensure this field has no more than 500 characters.'] })
            }
            if (run.environment !== 'cloud') {
                return jsonResponse(400, { error: 'Only cloud runs can be cancelled via this endpoint' })
            }
            if (isTerminal(run)) {
                return jsonResponse(200, toApiRun(run))
            }
            const at = now()
            const activity = activityOf(run, options)
            // the agent stops: what has not happened yet never will
            activity.entries = dueEntries(run, activity, at)
            appendEntry(activity, buildNotification(at, '_posthog/cancel', { reason: reason ?? null }), at)
            run.status = 'cancelled'
            run.upcomingStatuses = []
            run.updated_at = new Date(at).toISOString()
            run.completed_at = run.updated_at
            task.updated_at = run.updated_at
            publishRunState(run, activity, at)
            return jsonResponse(202, toApiRun(run))
        })
    )

    app.post(`${RUN}/command`, (c) =>
        deps.withRun(c, 'control', (_task, run) => {
            const body = parseJsonBody(c.get('recorded'))
            if (!body.ok) {
                return toFailureResponse(body.failure)
            }
            const data = body.data
            if (typeof data !== 'object' || data === null || Array.isArray(data)) {
                return jsonResponse(400, { error: 'Invalid JSON-RPC request' })
            }
            const record = data as Record<string, unknown>
            const method = record['method']
            const id = record['id'] ?? null
            if (record['jsonrpc'] !== '2.0' || typeof method !== 'string' || !COMMAND_METHODS.has(method)) {
                return jsonResponse(400, {
                    type: 'validation_error',
                    code: 'invalid',
                    detail: 'Unsupported command',
                    attr: 'method',
                })
            }
            if (isTerminal(run)) {
                return jsonResponse(400, { error: 'No active sandbox for this task run' })
            }
            const params =
                typeof record['params'] === 'object' && record['params'] !== null
                    ? (record['params'] as Record<string, unknown>)
                    : {}
            if (method !== 'user_message') {
                return jsonResponse(200, { jsonrpc: '2.0', result: {}, id })
            }
            const content = typeof params['content'] === 'string' ? params['content'].trim() : ''
            if (content === '') {
                return jsonResponse(400, {
                    type: 'validation_error',
                    code: 'invalid',
                    detail: 'content or artifact_ids is required',
                    attr: 'params',
                })
            }
            const at = now()
            const activity = activityOf(run, options)
            appendEntry(
                activity,
                buildSessionUpdate(at, { sessionUpdate: 'user_message', content: { type: 'text', text: content } }),
                at
            )
            appendEntry(
                activity,
                buildAgentMessage(at + 1, `Noted: ${content.slice(0, 200)}`),
                at + (options.activity?.stepMs ?? DEFAULT_STEP_MS)
            )
            return jsonResponse(200, { jsonrpc: '2.0', result: { queued: true }, id })
        })
    )
}
