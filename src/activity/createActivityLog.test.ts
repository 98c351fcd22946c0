import { describe, expect, it } from 'vitest'

import { createActivityLog } from './createActivityLog.ts'

const at = (n: number) => `2026-05-13T00:00:0${n}Z`
const entry = (n: number, method: string, params: Record<string, unknown> = {}) => ({
    type: 'notification',
    timestamp: at(n),
    notification: { jsonrpc: '2.0', method, params },
})
const update = (n: number, fields: Record<string, unknown>) => entry(n, 'session/update', { update: fields })
const message = (n: number, kind: string, text: string) =>
    update(n, { sessionUpdate: kind, content: { type: 'text', text } })

describe('createActivityLog', () => {
    it('skips entries a reconnect replays, in any batch', () => {
        const log = createActivityLog()
        const first = [entry(1, '_posthog/console', { message: 'a' }), entry(2, '_posthog/console', { message: 'b' })]
        expect(log.append(first)).toHaveLength(2)
        expect(log.append(first.map((value) => JSON.parse(JSON.stringify(value)) as unknown))).toEqual([])
        expect(log.append([...first, entry(3, '_posthog/turn_complete')]).map((event) => event.kind)).toEqual([
            'turn_end',
        ])
        expect(log.items().map((item) => item.event.kind)).toEqual(['console', 'console', 'turn_end'])
        expect(log.count()).toBe(3)
    })

    it('returns run state events too, so the caller updates the status once per new event', () => {
        const log = createActivityLog()
        const state = { type: 'task_run_state', status: 'completed' }
        expect(log.append([state])).toEqual([expect.objectContaining({ kind: 'run_state', status: 'completed' })])
        expect(log.append([state])).toEqual([])
    })

    it('never changes an array it has handed out, whatever comes after', () => {
        const log = createActivityLog()
        log.append([entry(1, '_posthog/console', { message: 'a' })])
        const shown = log.items()
        log.append([entry(2, '_posthog/console', { message: 'b' })])
        const afterOne = log.items()
        expect(shown).toHaveLength(1)
        expect(afterOne).not.toBe(shown)
        log.append([entry(3, '_posthog/console', { message: 'c' })])
        expect(afterOne).toHaveLength(2)
        const unshown = log.items()
        log.append([entry(4, '_posthog/console', { message: 'd' })])
        log.append([entry(5, '_posthog/console', { message: 'e' })])
        expect(unshown).toHaveLength(3)
        expect(log.items()).toHaveLength(5)
    })

    it('folds tool updates into their call, keeping its key and what the update leaves out', () => {
        const log = createActivityLog()
        log.append([update(1, { sessionUpdate: 'tool_call', toolCallId: 't', title: 'Run', rawInput: { a: 1 } })])
        const [call] = log.items()
        log.append([
            update(2, { sessionUpdate: 'tool_call_update', toolCallId: 't', status: 'completed', rawOutput: 'ok' }),
        ])
        expect(log.items()).toHaveLength(1)
        expect(log.items()[0]).toMatchObject({
            key: call?.key,
            event: { title: 'Run', state: 'done', input: '{\n  "a": 1\n}', output: 'ok' },
        })
        // The earlier array is untouched: React may still be showing it.
        expect(call?.event).toMatchObject({ state: 'pending', output: undefined })
    })

    it('joins message chunks into one message, and the persisted message replaces them', () => {
        const log = createActivityLog()
        log.append([message(1, 'agent_message_chunk', 'Hel'), message(2, 'agent_message_chunk', 'lo')])
        expect(log.items().map((item) => item.event)).toEqual([{ kind: 'agent_message', text: 'Hello', chunk: true }])
        log.append([message(3, 'agent_message', 'Hello')])
        expect(log.items().map((item) => item.event)).toEqual([{ kind: 'agent_message', text: 'Hello', chunk: false }])
    })

    it('shows a sent message until the log brings it back, then once', () => {
        const log = createActivityLog()
        log.addSentMessage('Also the changelog')
        expect(log.items()[0]).toMatchObject({
            pending: true,
            event: { kind: 'user_message', text: 'Also the changelog' },
        })
        log.append([message(1, 'user_message', 'Also the changelog')])
        expect(log.items()).toHaveLength(1)
        expect(log.items()[0]?.pending).toBeUndefined()
    })

    it('shows a sent message once when the log brings it back before the send is answered', () => {
        const log = createActivityLog()
        log.append([message(1, 'user_message', 'Also the changelog')])
        log.addSentMessage('Also the changelog')
        expect(log.items()).toHaveLength(1)
        expect(log.items()[0]?.pending).toBeUndefined()
        // the same text sent again is a new message, shown until the log brings it back
        log.addSentMessage('Also the changelog')
        expect(log.items().map((item) => item.pending ?? false)).toEqual([false, true])
    })

    it('keeps run state events out of the items (the panel shows status and stage)', () => {
        const log = createActivityLog()
        log.append([{ type: 'task_run_state', status: 'in_progress', stage: 'build' }])
        expect(log.items()).toEqual([])
    })

    it('keeps unknown and malformed entries as items', () => {
        const log = createActivityLog()
        log.append([entry(1, '_posthog/brand_new'), 'not json', 7])
        expect(log.items().map((item) => item.event.kind)).toEqual(['unknown', 'malformed', 'malformed'])
    })
})
