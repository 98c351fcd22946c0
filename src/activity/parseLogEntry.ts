import * as z from 'zod/mini'

export type ToolState = 'pending' | 'running' | 'done' | 'failed'

/** One thing that happened in a run, in the closed set of shapes the activity view draws. */
export type ActivityEvent =
    | { kind: 'agent_message'; text: string; chunk: boolean }
    | { kind: 'user_message'; text: string; chunk: boolean }
    | { kind: 'thought'; text: string }
    | {
          kind: 'tool'
          toolCallId: string
          /** False for tool_call_update: only the fields it carries change. */
          isUpdate: boolean
          title: string | undefined
          toolName: string | undefined
          state: ToolState | undefined
          input: string | undefined
          output: string | undefined
      }
    | { kind: 'console'; level: string; message: string }
    | {
          kind: 'progress'
          label: string
          status: string | undefined
          group: string | undefined
          detail: string | undefined
      }
    | { kind: 'error'; message: string; category: string | undefined }
    | { kind: 'turn_end'; stopReason: string | undefined }
    | { kind: 'run_state'; status: string | undefined; stage: string | undefined; errorMessage: string | undefined }
    | { kind: 'notice'; type: string; text: string }
    | { kind: 'unknown'; type: string; raw: string }
    | { kind: 'malformed'; raw: string }

export interface ParsedEntry {
    timestamp: string | undefined
    event: ActivityEvent
}

/** Tool input and output longer than this are cut: the rest is in PostHog. */
export const MAX_SHOWN_CHARS = 20_000
const MAX_RAW_CHARS = 2_000

const TOOL_STATES: ReadonlyMap<string, ToolState> = new Map([
    ['pending', 'pending'],
    ['in_progress', 'running'],
    ['completed', 'done'],
    ['failed', 'failed'],
])

// Agent-written notifications with nothing to show beyond their name and a short detail.
const NOTICES: ReadonlyMap<string, string> = new Map([
    ['_posthog/run_started', 'Run started'],
    ['_posthog/task_complete', 'Task complete'],
    ['_posthog/git_checkpoint', 'Git checkpoint'],
    ['_posthog/branch_created', 'Branch created'],
    ['_posthog/mode_change', 'Mode changed'],
    ['_posthog/usage_update', 'Usage'],
    ['_posthog/sdk_session', 'Agent session'],
    ['_posthog/status', 'Status'],
    ['_posthog/compact_boundary', 'Conversation compacted'],
    ['_posthog/permission_request', 'Permission requested'],
    ['_posthog/permission_resolved', 'Permission resolved'],
    ['_posthog/cancel', 'Cancel requested'],
    ['_posthog/close', 'Session closed'],
    ['_posthog/sandbox_output', 'Sandbox output'],
    ['current_mode_update', 'Mode changed'],
    ['usage_update', 'Usage'],
    ['permission_request', 'Permission requested'],
])

const optionalText = z.catch(z.optional(z.string()), undefined)
const Wrapper = z.object({ timestamp: optionalText, notification: z.record(z.string(), z.unknown()) })
const Message = z.object({
    method: optionalText,
    params: z.catch(z.optional(z.record(z.string(), z.unknown())), undefined),
    result: z.catch(z.optional(z.record(z.string(), z.unknown())), undefined),
    error: z.catch(z.optional(z.record(z.string(), z.unknown())), undefined),
})

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function clip(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text
}

/** ACP may send strings and arrays as {"0":…,"1":…}; this rebuilds the original value, deeply. */
export function rebuildIndexKeyed(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(rebuildIndexKeyed)
    if (!isRecord(value)) return value
    const keys = Object.keys(value)
    const indexed = keys.length > 0 && keys.every((key, index) => key === String(index))
    if (!indexed) {
        const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>
        for (const key of keys) copy[key] = rebuildIndexKeyed(value[key])
        return copy
    }
    const items = keys.map((key) => rebuildIndexKeyed(value[key]))
    return items.every((item) => typeof item === 'string') ? items.join('') : items
}

/** A value as text to read: strings as they are, anything else as indented JSON. */
export function toDisplayText(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined
    const rebuilt = rebuildIndexKeyed(value)
    const text = typeof rebuilt === 'string' ? rebuilt : JSON.stringify(rebuilt, null, 2)
    return clip(text, MAX_SHOWN_CHARS)
}

/** Text of ACP content: a text block, a list of blocks, or a plain string. */
function contentText(content: unknown): string {
    const rebuilt = rebuildIndexKeyed(content)
    if (typeof rebuilt === 'string') return rebuilt
    if (Array.isArray(rebuilt)) return rebuilt.map(contentText).join('')
    if (isRecord(rebuilt)) {
        if (typeof rebuilt['text'] === 'string') return rebuilt['text']
        if (rebuilt['content'] !== undefined) return contentText(rebuilt['content'])
    }
    return toDisplayText(rebuilt) ?? ''
}

function stringAt(record: Record<string, unknown> | undefined, key: string): string | undefined {
    const value = record?.[key]
    return typeof value === 'string' && value !== '' ? value : undefined
}

function rawOf(value: unknown): string {
    // JSON.stringify gives undefined for undefined, whatever its type says.
    const text = typeof value === 'string' ? value : (JSON.stringify(value) as string | undefined)
    return clip(text ?? 'undefined', MAX_RAW_CHARS)
}

function toolEvent(update: Record<string, unknown>, isUpdate: boolean, raw: unknown): ActivityEvent {
    const toolCallId = stringAt(update, 'toolCallId')
    if (toolCallId === undefined)
        return { kind: 'unknown', type: isUpdate ? 'tool_call_update' : 'tool_call', raw: rawOf(raw) }
    const meta = isRecord(update['_meta']) ? update['_meta'] : undefined
    const claudeCode = isRecord(meta?.['claudeCode']) ? meta['claudeCode'] : undefined
    const status = stringAt(update, 'status')
    const output = update['rawOutput'] ?? claudeCode?.['toolResponse']
    return {
        kind: 'tool',
        toolCallId,
        isUpdate,
        title: stringAt(update, 'title'),
        toolName: stringAt(claudeCode, 'toolName'),
        state: status === undefined ? (isUpdate ? undefined : 'pending') : (TOOL_STATES.get(status) ?? undefined),
        input: toDisplayText(update['rawInput']),
        output: toDisplayText(output),
    }
}

function sessionUpdate(update: Record<string, unknown>, raw: unknown): ActivityEvent {
    const type = stringAt(update, 'sessionUpdate') ?? ''
    switch (type) {
        case 'agent_message':
        case 'agent_message_chunk':
            return { kind: 'agent_message', text: contentText(update['content']), chunk: type.endsWith('_chunk') }
        case 'user_message':
        case 'user_message_chunk':
            return { kind: 'user_message', text: contentText(update['content']), chunk: type.endsWith('_chunk') }
        case 'agent_thought_chunk':
            return { kind: 'thought', text: contentText(update['content']) }
        case 'tool_call':
            return toolEvent(update, false, raw)
        case 'tool_call_update':
            return toolEvent(update, true, raw)
        case 'usage_update': {
            const used = update['used']
            const cost = update['cost']
            const parts = [
                typeof used === 'number' ? `${used} tokens` : undefined,
                typeof cost === 'number' ? `$${cost}` : undefined,
            ]
            return { kind: 'notice', type, text: parts.filter(Boolean).join(' · ') || 'Usage updated' }
        }
        default: {
            const label = NOTICES.get(type)
            if (label !== undefined) return { kind: 'notice', type, text: label }
            return { kind: 'unknown', type: type === '' ? 'session/update' : type, raw: rawOf(raw) }
        }
    }
}

function posthogNotification(method: string, params: Record<string, unknown> | undefined, raw: unknown): ActivityEvent {
    switch (method) {
        case '_posthog/console':
            return {
                kind: 'console',
                level: stringAt(params, 'level') ?? 'info',
                message: stringAt(params, 'message') ?? '',
            }
        case '_posthog/progress':
            return {
                kind: 'progress',
                label: stringAt(params, 'label') ?? stringAt(params, 'step') ?? 'Progress',
                status: stringAt(params, 'status'),
                group: stringAt(params, 'group'),
                detail: stringAt(params, 'detail'),
            }
        case '_posthog/error':
            return {
                kind: 'error',
                message: stringAt(params, 'message') ?? 'The agent reported an error.',
                category: stringAt(params, 'error_category'),
            }
        case '_posthog/turn_complete':
            return { kind: 'turn_end', stopReason: stringAt(params, 'stopReason') }
        case '_posthog/user_message':
            return {
                kind: 'user_message',
                text: contentText(params?.['content'] ?? params?.['message'] ?? ''),
                chunk: false,
            }
        default: {
            const label = NOTICES.get(method)
            if (label === undefined) return { kind: 'unknown', type: method, raw: rawOf(raw) }
            const detail = stringAt(params, 'message') ?? stringAt(params, 'branch') ?? stringAt(params, 'mode')
            return { kind: 'notice', type: method, text: detail === undefined ? label : `${label}: ${detail}` }
        }
    }
}

function runStateEvent(value: Record<string, unknown>): ActivityEvent {
    return {
        kind: 'run_state',
        status: stringAt(value, 'status'),
        stage: stringAt(value, 'stage'),
        errorMessage: stringAt(value, 'error_message'),
    }
}

/** One session-log entry (wrapped or a bare JSON-RPC message) or stream payload; never throws, never drops. */
export function parseLogEntry(value: unknown): ParsedEntry {
    if (!isRecord(value)) return { timestamp: undefined, event: { kind: 'malformed', raw: rawOf(value) } }
    if (value['type'] === 'task_run_state')
        return { timestamp: stringAt(value, 'updated_at'), event: runStateEvent(value) }
    if (value['type'] === 'permission_request') {
        return {
            timestamp: undefined,
            event: { kind: 'notice', type: 'permission_request', text: 'Permission requested' },
        }
    }
    const wrapped = Wrapper.safeParse(value)
    const timestamp = wrapped.success ? wrapped.data.timestamp : stringAt(value, 'timestamp')
    const message = Message.safeParse(wrapped.success ? wrapped.data.notification : value)
    if (!message.success) return { timestamp, event: { kind: 'malformed', raw: rawOf(value) } }
    const { method, params, result, error } = message.data
    if (method === 'session/update') {
        const update = params?.['update']
        return {
            timestamp,
            event: isRecord(update)
                ? sessionUpdate(update, value)
                : { kind: 'unknown', type: method, raw: rawOf(value) },
        }
    }
    if (method !== undefined && method !== '') return { timestamp, event: posthogNotification(method, params, value) }
    if (result !== undefined)
        return { timestamp, event: { kind: 'turn_end', stopReason: stringAt(result, 'stopReason') } }
    if (error !== undefined) {
        return {
            timestamp,
            event: {
                kind: 'error',
                message: stringAt(error, 'message') ?? 'The agent answered with an error.',
                category: undefined,
            },
        }
    }
    return { timestamp, event: { kind: 'unknown', type: '', raw: rawOf(value) } }
}

/** A line of JSONL or an SSE data field; text that is not JSON is kept as a malformed entry. */
export function parseLogLine(line: string): ParsedEntry {
    try {
        return parseLogEntry(JSON.parse(line))
    } catch {
        return { timestamp: undefined, event: { kind: 'malformed', raw: clip(line, MAX_RAW_CHARS) } }
    }
}
