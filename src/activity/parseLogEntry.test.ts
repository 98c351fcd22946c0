import { describe, expect, it } from 'vitest'

import type { ActivityEvent } from './parseLogEntry.ts'
import { parseLogEntry, parseLogLine, rebuildIndexKeyed, toDisplayText } from './parseLogEntry.ts'

const T = '2026-05-13T00:00:00Z'
const wrap = (notification: Record<string, unknown>) => ({ type: 'notification', timestamp: T, notification })
const update = (fields: Record<string, unknown>) =>
    wrap({ jsonrpc: '2.0', method: 'session/update', params: { update: fields } })

describe('parseLogEntry', () => {
    it.each<[string, unknown, ActivityEvent]>([
        [
            'agent message',
            update({ sessionUpdate: 'agent_message', content: { type: 'text', text: 'Hello' } }),
            { kind: 'agent_message', text: 'Hello', chunk: false },
        ],
        [
            'agent message chunk (stream only)',
            update({ sessionUpdate: 'agent_message_chunk', content: { type: 'text', text: 'Hel' } }),
            { kind: 'agent_message', text: 'Hel', chunk: true },
        ],
        [
            'user message',
            update({
                sessionUpdate: 'user_message',
                content: [
                    { type: 'text', text: 'a' },
                    { type: 'text', text: 'b' },
                ],
            }),
            { kind: 'user_message', text: 'ab', chunk: false },
        ],
        [
            'user message chunk',
            update({ sessionUpdate: 'user_message_chunk', content: { type: 'text', text: 'x' } }),
            { kind: 'user_message', text: 'x', chunk: true },
        ],
        [
            'thought chunk',
            update({ sessionUpdate: 'agent_thought_chunk', content: { type: 'text', text: 'hmm' } }),
            { kind: 'thought', text: 'hmm' },
        ],
        [
            'tool call',
            update({
                sessionUpdate: 'tool_call',
                toolCallId: 't1',
                title: 'Run tests',
                status: 'pending',
                rawInput: { command: 'npm test' },
                _meta: { claudeCode: { toolName: 'Bash' } },
            }),
            {
                kind: 'tool',
                toolCallId: 't1',
                isUpdate: false,
                title: 'Run tests',
                toolName: 'Bash',
                state: 'pending',
                input: '{\n  "command": "npm test"\n}',
                output: undefined,
            },
        ],
        [
            'tool call update with index-keyed output',
            update({
                sessionUpdate: 'tool_call_update',
                toolCallId: 't1',
                status: 'completed',
                rawOutput: { 0: 'h', 1: 'i' },
            }),
            {
                kind: 'tool',
                toolCallId: 't1',
                isUpdate: true,
                title: undefined,
                toolName: undefined,
                state: 'done',
                input: undefined,
                output: 'hi',
            },
        ],
        [
            'tool call update, failed, output from toolResponse',
            update({
                sessionUpdate: 'tool_call_update',
                toolCallId: 't2',
                status: 'failed',
                _meta: { claudeCode: { toolResponse: 'exit 1' } },
            }),
            {
                kind: 'tool',
                toolCallId: 't2',
                isUpdate: true,
                title: undefined,
                toolName: undefined,
                state: 'failed',
                input: undefined,
                output: 'exit 1',
            },
        ],
        [
            'in-progress tool',
            update({ sessionUpdate: 'tool_call', toolCallId: 't3', status: 'in_progress' }),
            {
                kind: 'tool',
                toolCallId: 't3',
                isUpdate: false,
                title: undefined,
                toolName: undefined,
                state: 'running',
                input: undefined,
                output: undefined,
            },
        ],
        [
            'tool call without an id is shown generically',
            update({ sessionUpdate: 'tool_call', title: 'x' }),
            { kind: 'unknown', type: 'tool_call', raw: expect.stringContaining('"title":"x"') },
        ],
        [
            'usage update',
            update({ sessionUpdate: 'usage_update', used: 0 }),
            { kind: 'notice', type: 'usage_update', text: '0 tokens' },
        ],
        [
            'mode update',
            update({ sessionUpdate: 'current_mode_update', currentModeId: 'plan' }),
            { kind: 'notice', type: 'current_mode_update', text: 'Mode changed' },
        ],
        [
            'console',
            wrap({
                jsonrpc: '2.0',
                method: '_posthog/console',
                params: { sessionId: 'r', level: 'info', message: 'Cloning' },
            }),
            { kind: 'console', level: 'info', message: 'Cloning' },
        ],
        [
            'progress',
            wrap({
                jsonrpc: '2.0',
                method: '_posthog/progress',
                params: { step: 's', status: 'completed', label: 'Sandbox ready', group: 'setup', detail: 'd' },
            }),
            { kind: 'progress', label: 'Sandbox ready', status: 'completed', group: 'setup', detail: 'd' },
        ],
        [
            'error (bare JSON-RPC, no wrapper)',
            { notification: { method: '_posthog/error', params: { message: 'Boom', error_category: 'sandbox' } } },
            { kind: 'error', message: 'Boom', category: 'sandbox' },
        ],
        [
            'turn complete',
            wrap({ jsonrpc: '2.0', method: '_posthog/turn_complete' }),
            { kind: 'turn_end', stopReason: undefined },
        ],
        [
            'JSON-RPC result with a stop reason',
            { notification: { result: { stopReason: 'end_turn' } } },
            { kind: 'turn_end', stopReason: 'end_turn' },
        ],
        [
            'JSON-RPC error',
            wrap({ jsonrpc: '2.0', id: 3, error: { code: -32000, message: 'Agent crashed' } }),
            { kind: 'error', message: 'Agent crashed', category: undefined },
        ],
        [
            'branch created',
            wrap({ jsonrpc: '2.0', method: '_posthog/branch_created', params: { branch: 'fix/x' } }),
            { kind: 'notice', type: '_posthog/branch_created', text: 'Branch created: fix/x' },
        ],
        [
            'posthog user message',
            wrap({ jsonrpc: '2.0', method: '_posthog/user_message', params: { content: 'More tests' } }),
            { kind: 'user_message', text: 'More tests', chunk: false },
        ],
        [
            'stream run state',
            { type: 'task_run_state', run_id: 'r', status: 'in_progress', stage: 'build', error_message: null },
            { kind: 'run_state', status: 'in_progress', stage: 'build', errorMessage: undefined },
        ],
        [
            'stream permission request',
            { type: 'permission_request', request: {} },
            { kind: 'notice', type: 'permission_request', text: 'Permission requested' },
        ],
        [
            'unknown _posthog method',
            wrap({ jsonrpc: '2.0', method: '_posthog/new_thing', params: { a: 1 } }),
            { kind: 'unknown', type: '_posthog/new_thing', raw: expect.stringContaining('new_thing') },
        ],
        [
            'unknown session update kind',
            update({ sessionUpdate: 'plan', entries: [] }),
            { kind: 'unknown', type: 'plan', raw: expect.stringContaining('"plan"') },
        ],
        [
            'session update without an update',
            wrap({ jsonrpc: '2.0', method: 'session/update', params: {} }),
            { kind: 'unknown', type: 'session/update', raw: expect.any(String) },
        ],
        [
            'notification with neither method nor result',
            wrap({ jsonrpc: '2.0' }),
            { kind: 'unknown', type: '', raw: expect.any(String) },
        ],
        ['a number', 42, { kind: 'malformed', raw: '42' }],
        ['null', null, { kind: 'malformed', raw: 'null' }],
        ['an array', [1], { kind: 'malformed', raw: '[1]' }],
        [
            'a wrapper whose notification is not an object is shown generically',
            { notification: 'x' },
            { kind: 'unknown', type: '', raw: '{"notification":"x"}' },
        ],
    ])('%s', (_name, value, expected) => {
        expect(parseLogEntry(value).event).toEqual(expected)
    })

    it('keeps the timestamp of a wrapped entry', () => {
        expect(parseLogEntry(wrap({ method: '_posthog/turn_complete' })).timestamp).toBe(T)
    })

    it('treats a method named __proto__ as unknown, not as an object key', () => {
        expect(parseLogEntry(wrap({ method: '__proto__' })).event.kind).toBe('unknown')
    })
})

describe('parseLogLine', () => {
    it.each([
        ['{"notification":{"result":{"stopReason":"end_turn"}}}', 'turn_end'],
        ['not json at all', 'malformed'],
        ['{"truncated": ', 'malformed'],
        ['', 'malformed'],
    ])('%j is %s', (line, kind) => {
        expect(parseLogLine(line).event.kind).toBe(kind)
    })
})

describe('rebuildIndexKeyed', () => {
    it.each<[unknown, unknown]>([
        [{ 0: 'h', 1: 'i' }, 'hi'],
        [{ 0: 1, 1: 2 }, [1, 2]],
        [{ 0: { 0: 'a' }, 1: 'b' }, 'ab'],
        [{ 1: 'x' }, { 1: 'x' }],
        [
            { 0: 'a', 2: 'c' },
            { 0: 'a', 2: 'c' },
        ],
        [{ out: { 0: 'o', 1: 'k' } }, { out: 'ok' }],
        [[{ 0: 'a' }], ['a']],
        ['plain', 'plain'],
        [{}, {}],
    ])('%j → %j', (input, expected) => {
        expect(rebuildIndexKeyed(input)).toEqual(expected)
    })
})

describe('toDisplayText', () => {
    it('shows markup as the text it is and cuts very long values', () => {
        expect(toDisplayText('<b>x</b>')).toBe('<b>x</b>')
        expect(toDisplayText('x'.repeat(30_000))).toMatch(/… \(10000 more characters\)$/)
        expect(toDisplayText(null)).toBeUndefined()
    })
})
