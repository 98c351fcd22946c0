import type { FakeTaskRun } from './fakeEntities.ts'
import type { FakePostHogOptions } from './FakePostHogOptions.ts'

const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled'])
// quick enough that a run in the tests ends within its usual polls; the demo plays it slower
export const DEFAULT_STEP_MS = 250

export interface LoggedEntry {
    entry: Record<string, unknown>
    // when the entry "happens" (epoch ms); the log and the stream show only entries that are due
    dueAt: number
}

export interface RunActivity {
    entries: LoggedEntry[]
    // stream-only events (task_run_state), in the order they were published, each with the log length at that time
    stateEvents: { afterEntries: number; data: Record<string, unknown> }[]
    // entry indexes after which the stream is rotated once
    rotateAt: Set<number>
}

const activities = new WeakMap<FakeTaskRun, RunActivity>()

function notification(timestamp: number, method: string, params?: Record<string, unknown>): Record<string, unknown> {
    return {
        type: 'notification',
        timestamp: new Date(timestamp).toISOString(),
        notification: { jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) },
    }
}

function sessionUpdate(timestamp: number, update: Record<string, unknown>): Record<string, unknown> {
    return notification(timestamp, 'session/update', { update })
}

function agentMessage(timestamp: number, text: string): Record<string, unknown> {
    return sessionUpdate(timestamp, { sessionUpdate: 'agent_message', content: { type: 'text', text } })
}

// A short coding session: setup progress, console lines, messages, tool calls with updates, a turn end.
function scriptFor(run: FakeTaskRun): ((at: number) => Record<string, unknown>)[] {
    const sessionId = run.id
    const branch = run.branch ?? 'main'
    return [
        (at) =>
            notification(at, '_posthog/progress', {
                sessionId,
                step: 'sandbox',
                status: 'in_progress',
                label: 'Starting the sandbox',
                group: 'setup',
            }),
        (at) =>
            notification(at, '_posthog/console', {
                sessionId,
                level: 'info',
                message: `Cloning the repository on ${branch}`,
            }),
        (at) =>
            notification(at, '_posthog/progress', {
                sessionId,
                step: 'sandbox',
                status: 'completed',
                label: 'Sandbox ready',
                group: 'setup',
            }),
        (at) => agentMessage(at, 'I will look at the failing test first, then fix the cause.'),
        (at) =>
            sessionUpdate(at, {
                sessionUpdate: 'tool_call',
                toolCallId: 'tool-1',
                title: 'Run the test suite',
                status: 'pending',
                rawInput: { command: 'npm test -- --run' },
                _meta: { claudeCode: { toolName: 'Bash' } },
            }),
        (at) => sessionUpdate(at, { sessionUpdate: 'tool_call_update', toolCallId: 'tool-1', status: 'in_progress' }),
        (at) =>
            notification(at, '_posthog/console', {
                sessionId,
                level: 'warn',
                message: '1 test failed: parses <b>dates</b> & times',
            }),
        // ACP's index-keyed string quirk
        (at) =>
            sessionUpdate(at, {
                sessionUpdate: 'tool_call_update',
                toolCallId: 'tool-1',
                status: 'completed',
                rawOutput: { 0: 'F', 1: 'A', 2: 'I', 3: 'L', 4: ' ', 5: '1' },
            }),
        (at) =>
            sessionUpdate(at, {
                sessionUpdate: 'tool_call',
                toolCallId: 'tool-2',
                title: 'Edit src/parseDate.ts',
                status: 'in_progress',
                rawInput: { file_path: 'src/parseDate.ts' },
                _meta: { claudeCode: { toolName: 'Edit' } },
            }),
        (at) =>
            sessionUpdate(at, {
                sessionUpdate: 'tool_call_update',
                toolCallId: 'tool-2',
                status: 'completed',
                rawOutput: 'Applied 1 edit',
            }),
        (at) => agentMessage(at, 'The parser ignored the time zone. Fixed it and the suite passes now.'),
        (at) => notification(at, '_posthog/turn_complete', { sessionId, stopReason: 'end_turn' }),
    ]
}

// Entries that already happened, for long-log tests: tool calls, console lines and messages in turn.
function historyEntry(index: number, at: number): Record<string, unknown> {
    switch (index % 4) {
        case 0:
            return notification(at, '_posthog/console', { level: 'info', message: `History line ${index}` })
        case 1:
            return agentMessage(at, `History message ${index}`)
        case 2:
            return sessionUpdate(at, {
                sessionUpdate: 'tool_call',
                toolCallId: `history-${index}`,
                title: `History tool ${index}`,
                status: 'completed',
                rawInput: { index },
            })
        default:
            return notification(at, '_posthog/progress', {
                step: `s${index}`,
                status: 'completed',
                label: `History step ${index}`,
            })
    }
}

// The run's activity, planned on first use from its creation time.
export function activityOf(run: FakeTaskRun, options: FakePostHogOptions): RunActivity {
    const existing = activities.get(run)
    if (existing !== undefined) {
        return existing
    }
    const start = Date.parse(run.created_at)
    const step = options.activity?.stepMs ?? DEFAULT_STEP_MS
    const extra = options.activity?.historyEntries ?? 0
    const entries: LoggedEntry[] = []
    for (let index = 0; index < extra; index++) {
        entries.push({ entry: historyEntry(index, start - extra + index), dueAt: start })
    }
    for (const [index, make] of scriptFor(run).entries()) {
        const dueAt = start + (index + 1) * step
        entries.push({ entry: make(dueAt), dueAt })
    }
    const rotateAt = new Set((options.activity?.rotateAfterEntries ?? [extra + 7]).map((at) => at - 1))
    const activity: RunActivity = { entries, stateEvents: [], rotateAt }
    activities.set(run, activity)
    return activity
}

export function isTerminal(run: FakeTaskRun): boolean {
    return TERMINAL_STATUSES.has(run.status)
}

// Entries due by now; a run that ended has nothing left to play.
export function dueEntries(run: FakeTaskRun, activity: RunActivity, now: number): LoggedEntry[] {
    if (isTerminal(run)) {
        return activity.entries
    }
    return activity.entries.filter((logged) => logged.dueAt <= now)
}

export function hasPlayedOut(activity: RunActivity, now: number): boolean {
    return activity.entries.every((logged) => logged.dueAt <= now)
}

export function appendEntry(activity: RunActivity, entry: Record<string, unknown>, dueAt: number): void {
    activity.entries.push({ entry, dueAt })
    activity.entries.sort((a, b) => a.dueAt - b.dueAt)
}

export function publishRunState(run: FakeTaskRun, activity: RunActivity, now: number): void {
    activity.stateEvents.push({
        afterEntries: dueEntries(run, activity, now).length,
        data: {
            type: 'task_run_state',
            run_id: run.id,
            task_id: run.task,
            status: run.status,
            stage: run.stage,
            output: run.output,
            branch: run.branch,
            error_message: run.error_message,
            updated_at: run.updated_at,
            completed_at: run.completed_at,
        },
    })
}

export { notification as buildNotification, sessionUpdate as buildSessionUpdate, agentMessage as buildAgentMessage }
