import { describe, expect, it } from 'vitest'

import {
    buildErrorMessage,
    buildReadyMessage,
    buildResizeMessage,
    buildRunStatusMessage,
    buildSubmittedMessage,
    MAX_LIST_ITEMS,
    MAX_OBJECT_KEYS,
    MAX_STRING_LENGTH,
    outboundMessageIsSafe,
    parseInboundMessage,
    rebuildOutboundMessage,
} from './embedMessages.ts'
import { EMBED_PROTOCOL_VERSION, HOST_SOURCE } from './embedProtocol.ts'
import type { InboundRejection, OutboundMessage } from './embedMessages.ts'

const host = { source: HOST_SOURCE, version: EMBED_PROTOCOL_VERSION }
const RUN = { taskId: 'task-1', runId: 'run-1', status: 'queued' }

function manyKeys(count: number): Record<string, string> {
    return Object.fromEntries(Array.from({ length: count }, (_, index) => [`field_${index}`, 'x']))
}

function nested(depth: number): unknown {
    return depth === 0 ? 'leaf' : [nested(depth - 1)]
}

describe('parseInboundMessage', () => {
    it.each<[string, unknown]>([
        ['set-values', { ...host, type: 'set-values', values: { branch: 'main' } }],
        ['set-values with no values', { ...host, type: 'set-values', values: {} }],
        [
            'set-values with lists, flags and null',
            { ...host, type: 'set-values', values: { a: ['x'], b: true, c: null } },
        ],
        ['submit', { ...host, type: 'submit' }],
        ['a null-prototype object', Object.assign(Object.create(null), { ...host, type: 'submit' })],
        ['the largest allowed payload', { ...host, type: 'set-values', values: manyKeys(MAX_OBJECT_KEYS) }],
        ['the longest allowed string', { ...host, type: 'set-values', values: { a: 'x'.repeat(MAX_STRING_LENGTH) } }],
    ])('accepts %s', (_, data) => {
        expect(parseInboundMessage(data).ok).toBe(true)
    })

    it.each<[string, unknown, InboundRejection]>([
        ['undefined', undefined, 'not-an-object'],
        ['a string', 'set-values', 'not-an-object'],
        ['an array', [host], 'not-an-object'],
        ['a Date', new Date(0), 'not-an-object'],
        ['no source', { version: 1, type: 'submit' }, 'not-from-host'],
        ['the embed source', { ...host, source: 'run-launcher', type: 'submit' }, 'not-from-host'],
        ['another source', { ...host, source: 'react-devtools', type: 'submit' }, 'not-from-host'],
        ['no version', { source: HOST_SOURCE, type: 'submit' }, 'unsupported-version'],
        ['version 2', { ...host, version: 2, type: 'submit' }, 'unsupported-version'],
        ['version "1"', { ...host, version: '1', type: 'submit' }, 'unsupported-version'],
        ['an unknown type', { ...host, type: 'reset' }, 'unknown-type'],
        ['no type', { ...host }, 'unknown-type'],
        ['an outbound type', { ...host, type: 'ready' }, 'unknown-type'],
        ['set-values without values', { ...host, type: 'set-values' }, 'invalid-shape'],
        ['values as a list', { ...host, type: 'set-values', values: ['branch', 'main'] }, 'invalid-shape'],
        ['values as a string', { ...host, type: 'set-values', values: 'branch=main' }, 'invalid-shape'],
        ['an extra field', { ...host, type: 'submit', values: {} }, 'invalid-shape'],
        ['too many keys', { ...host, type: 'set-values', values: manyKeys(MAX_OBJECT_KEYS + 1) }, 'too-large'],
        [
            'too long a string',
            { ...host, type: 'set-values', values: { a: 'x'.repeat(MAX_STRING_LENGTH + 1) } },
            'too-large',
        ],
        [
            'too long a list',
            { ...host, type: 'set-values', values: { a: Array(MAX_LIST_ITEMS + 1).fill('x') } },
            'too-large',
        ],
        ['too deep a value', { ...host, type: 'set-values', values: { a: nested(5) } }, 'too-large'],
        ['a Map value', { ...host, type: 'set-values', values: { a: new Map() } }, 'not-plain-data'],
        ['a Date value', { ...host, type: 'set-values', values: { a: new Date(0) } }, 'not-plain-data'],
        ['an undefined value', { ...host, type: 'set-values', values: { a: undefined } }, 'not-plain-data'],
        ['NaN', { ...host, type: 'set-values', values: { a: Number.NaN } }, 'not-plain-data'],
        ['a bigint', { ...host, type: 'set-values', values: { a: 1n } }, 'not-plain-data'],
    ])('refuses %s', (_, data, reason) => {
        expect(parseInboundMessage(data)).toMatchObject({ ok: false, reason })
    })

    it.each([
        [
            '__proto__ in values',
            '{"source":"run-launcher-host","version":1,"type":"set-values","values":{"__proto__":{"x":1}}}',
        ],
        [
            'constructor in values',
            '{"source":"run-launcher-host","version":1,"type":"set-values","values":{"constructor":"x"}}',
        ],
        [
            'prototype in values',
            '{"source":"run-launcher-host","version":1,"type":"set-values","values":{"prototype":"x"}}',
        ],
        ['__proto__ at the top', '{"source":"run-launcher-host","version":1,"type":"submit","__proto__":{"x":1}}'],
        [
            '__proto__ deep down',
            '{"source":"run-launcher-host","version":1,"type":"set-values","values":{"a":[{"__proto__":1}]}}',
        ],
    ])('refuses %s without polluting any prototype', (_, json) => {
        // JSON.parse makes __proto__ an own key, as a structured clone does.
        const data: unknown = JSON.parse(json)
        expect(parseInboundMessage(data)).toMatchObject({ ok: false, reason: 'unsafe-key' })
        expect(Object.prototype).not.toHaveProperty('x')
    })

    it('refuses a cyclic payload (a structured clone may carry one)', () => {
        const values: Record<string, unknown> = {}
        values['self'] = values
        expect(parseInboundMessage({ ...host, type: 'set-values', values })).toMatchObject({
            ok: false,
            reason: 'too-large',
        })
    })

    it('hands over values in a null-prototype record, so inherited names read as absent', () => {
        const result = parseInboundMessage({ ...host, type: 'set-values', values: { branch: 'main' } })
        if (!result.ok || result.message.type !== 'set-values') throw new Error('expected set-values')
        expect(Object.getPrototypeOf(result.message.values)).toBeNull()
        expect('toString' in result.message.values).toBe(false)
        expect({ ...result.message.values }).toEqual({ branch: 'main' })
    })

    it('never echoes a value in the detail', () => {
        const secret = 'phx_0123456789abcdef'
        const results = [
            parseInboundMessage({ ...host, type: 'set-values', values: { a: secret.repeat(1_000) } }),
            parseInboundMessage({ ...host, type: 'submit', extra: secret }),
            parseInboundMessage({ ...host, type: 'set-values', values: secret }),
        ]
        for (const result of results) {
            expect(result.ok).toBe(false)
            expect(JSON.stringify(result)).not.toContain(secret)
        }
    })
})

describe('outbound builders', () => {
    it('mark every message with the source and version', () => {
        const messages: OutboundMessage[] = [
            buildReadyMessage(),
            buildResizeMessage(10),
            buildSubmittedMessage({ ...RUN, link: 'https://us.posthog.com/tasks/task-1' }),
            buildRunStatusMessage(RUN),
            buildErrorMessage('submit-failed', 'PostHog refused the run.'),
        ]
        for (const message of messages) {
            expect(message).toMatchObject({ source: 'run-launcher', version: 1 })
        }
    })

    it('copy only the protocol fields from a wider object', () => {
        const wider = { ...RUN, link: 'https://x.example', values: { github_user_token: 'ghp_secret' } }
        expect(buildSubmittedMessage(wider)).toEqual({
            source: 'run-launcher',
            version: 1,
            type: 'submitted',
            ...RUN,
            link: 'https://x.example',
        })
        expect(Object.keys(buildRunStatusMessage(wider)).sort()).toEqual(
            ['runId', 'source', 'status', 'taskId', 'type', 'version'].sort()
        )
    })

    it.each([
        [120.2, 121],
        [0, 0],
        [-5, 0],
        [Number.NaN, 0],
        [Number.POSITIVE_INFINITY, 0],
    ])('report a height of %s as %s', (height, expected) => {
        expect(buildResizeMessage(height).height).toBe(expected)
    })

    it('rebuild drops smuggled fields', () => {
        const smuggled = { ...buildRunStatusMessage(RUN), values: { branch: 'main' } }
        expect(rebuildOutboundMessage(smuggled)).toEqual(buildRunStatusMessage(RUN))
    })
})

describe('outboundMessageIsSafe', () => {
    const token = 'ghp_abcdef123456'

    it.each<[string, OutboundMessage, boolean]>([
        ['a message without the secret', buildRunStatusMessage(RUN), true],
        ['a secret in an error message', buildErrorMessage('submit-failed', `bad token ${token}`), false],
        ['a secret in a link', buildSubmittedMessage({ ...RUN, link: `https://x.example/?t=${token}` }), false],
        [
            'a URL-encoded secret',
            buildSubmittedMessage({ ...RUN, link: `https://x.example/?t=${encodeURIComponent('a/b c+d=e')}` }),
            false,
        ],
    ])('judges %s', (_, message, safe) => {
        expect(outboundMessageIsSafe(message, [token, 'a/b c+d=e'])).toBe(safe)
    })

    it('ignores empty and very short secrets, which would match ordinary text', () => {
        const message = buildErrorMessage('invalid-values', 'Enter a branch name.')
        expect(outboundMessageIsSafe(message, ['', 'a', 'ent'])).toBe(true)
    })
})
