import { describe, expect, it } from 'vitest'

import { createEmbedChannel } from './createEmbedChannel.ts'
import type { EmbedChannelOptions, EmbedMessageEvent, EmbedMessageListener, EmbedWindow } from './createEmbedChannel.ts'
import { buildErrorMessage, buildReadyMessage, buildRunStatusMessage } from './embedMessages.ts'
import type { InboundMessage, OutboundMessage } from './embedMessages.ts'
import { EMBED_PROTOCOL_VERSION, HOST_SOURCE } from './embedProtocol.ts'

const HOST_ORIGIN = 'https://host.example'
const SUBMIT = { source: HOST_SOURCE, version: EMBED_PROTOCOL_VERSION, type: 'submit' }
const SET_VALUES = {
    source: HOST_SOURCE,
    version: EMBED_PROTOCOL_VERSION,
    type: 'set-values',
    values: { branch: 'main' },
}

interface Posted {
    message: unknown
    targetOrigin: string
}

class FakeParent {
    readonly posted: Posted[] = []
    postMessage(message: unknown, targetOrigin: string): void {
        this.posted.push({ message, targetOrigin })
    }
}

class FakeWindow implements EmbedWindow {
    readonly listeners = new Set<EmbedMessageListener>()
    readonly parent: FakeParent | FakeWindow

    constructor(embedded = true) {
        this.parent = embedded ? new FakeParent() : this
    }

    addEventListener(_type: 'message', listener: EmbedMessageListener): void {
        this.listeners.add(listener)
    }

    removeEventListener(_type: 'message', listener: EmbedMessageListener): void {
        this.listeners.delete(listener)
    }

    postMessage(message: unknown, targetOrigin: string): void {
        throw new Error(`posted to itself: ${JSON.stringify({ message, targetOrigin })}`)
    }

    dispatch(event: Partial<EmbedMessageEvent>): void {
        const full: EmbedMessageEvent = { data: undefined, origin: HOST_ORIGIN, source: this.parent, ...event }
        for (const listener of this.listeners) listener(full)
    }

    get posted(): Posted[] {
        return this.parent instanceof FakeParent ? this.parent.posted : []
    }
}

function setUp(options: Partial<EmbedChannelOptions> = {}, embedded = true) {
    const window = new FakeWindow(embedded)
    const received: InboundMessage[] = []
    const channel = createEmbedChannel({
        window,
        parentOrigin: HOST_ORIGIN,
        onMessage: (message) => received.push(message),
        ...options,
    })
    return { window, channel, received }
}

describe('createEmbedChannel inbound', () => {
    it('dispatches a valid message from the parent at the parent origin', () => {
        const { window, received } = setUp()
        window.dispatch({ data: SET_VALUES })
        window.dispatch({ data: SUBMIT })
        expect(received.map((message) => message.type)).toEqual(['set-values', 'submit'])
        expect(received[0]).toMatchObject({ values: { branch: 'main' } })
    })

    it.each<[string, Partial<EmbedMessageEvent>]>([
        ['another origin', { origin: 'https://evil.example' }],
        ['a look-alike origin', { origin: 'https://host.example.evil.example' }],
        ['the same host over http', { origin: 'http://host.example' }],
        ['the null origin of a sandboxed frame', { origin: 'null' }],
        ['another window at the right origin', { source: new FakeParent() }],
        ['no source window', { source: null }],
    ])('ignores a message from %s', (_, event) => {
        const { window, received } = setUp()
        window.dispatch({ data: SUBMIT, ...event })
        expect(received).toEqual([])
        expect(window.posted).toEqual([])
    })

    it.each<[string, unknown]>([
        ['undefined', undefined],
        ['a string', 'submit'],
        ['another tool on the host page', { source: 'react-devtools-bridge', payload: {} }],
    ])('silently ignores foreign traffic: %s', (_, data) => {
        const { window, received } = setUp()
        window.dispatch({ data })
        expect(received).toEqual([])
        expect(window.posted).toEqual([])
    })

    it.each<[string, unknown]>([
        ['a wrong version', { ...SUBMIT, version: 2 }],
        ['an unknown type', { ...SUBMIT, type: 'reset' }],
        ['a malformed set-values', { ...SET_VALUES, values: 'branch=main' }],
        [
            'a polluting key',
            JSON.parse('{"source":"run-launcher-host","version":1,"type":"set-values","values":{"__proto__":{}}}'),
        ],
    ])('does not dispatch %s, and tells the host why', (_, data) => {
        const { window, received } = setUp()
        window.dispatch({ data })
        expect(received).toEqual([])
        expect(window.posted).toEqual([
            { message: expect.objectContaining({ type: 'error', code: 'invalid-message' }), targetOrigin: HOST_ORIGIN },
        ])
    })

    it('accepts a parent origin with a trailing slash or capitals, as the browser reports it', () => {
        const { window, received } = setUp({ parentOrigin: 'https://Host.Example/' })
        window.dispatch({ data: SUBMIT })
        expect(received).toHaveLength(1)
    })
})

describe('createEmbedChannel outbound', () => {
    it('posts to the parent with the explicit parent origin, never *', () => {
        const { window, channel } = setUp()
        channel.send(buildReadyMessage())
        channel.send(buildRunStatusMessage({ taskId: 't', runId: 'r', status: 'queued' }))
        expect(window.posted.map((posted) => posted.targetOrigin)).toEqual([HOST_ORIGIN, HOST_ORIGIN])
        expect(window.posted.map((posted) => posted.message)).toEqual([
            buildReadyMessage(),
            buildRunStatusMessage({ taskId: 't', runId: 'r', status: 'queued' }),
        ])
    })

    it('strips fields a wider object smuggled in', () => {
        const { window, channel } = setUp()
        const smuggled = { ...buildReadyMessage(), values: { branch: 'main' } }
        channel.send(smuggled)
        expect(window.posted[0]?.message).toEqual(buildReadyMessage())
    })

    it('withholds a message that contains a current secret, and says so', () => {
        let secrets = ['ghp_old_token_value']
        const { window, channel } = setUp({ getSecrets: () => secrets })
        secrets = ['ghp_new_token_value']
        const leaky: OutboundMessage = buildErrorMessage('submit-failed', 'Token ghp_new_token_value was rejected.')
        channel.send(leaky)
        expect(JSON.stringify(window.posted)).not.toContain('ghp_new_token_value')
        expect(window.posted).toEqual([
            {
                message: expect.objectContaining({ type: 'error', code: 'message-withheld' }),
                targetOrigin: HOST_ORIGIN,
            },
        ])
    })
})

describe('createEmbedChannel inactive', () => {
    it.each<[string, string | undefined, boolean, RegExp]>([
        ['no parent origin is known', undefined, true, /no parent origin/i],
        ['the parent origin is not an origin', 'https://host.example/path', true, /not a bare/],
        ['the parent origin is a wildcard', '*', true, /not a bare/],
        ['the page is not in an iframe', HOST_ORIGIN, false, /not inside an iframe/],
    ])('sends nothing and accepts nothing when %s', (_, parentOrigin, embedded, reason) => {
        const { window, channel, received } = setUp({ parentOrigin }, embedded)
        expect(channel.active).toBe(false)
        expect(channel.inactiveReason).toMatch(reason)
        expect(window.listeners.size).toBe(0)
        channel.send(buildReadyMessage())
        window.dispatch({ data: SUBMIT })
        expect(window.posted).toEqual([])
        expect(received).toEqual([])
    })

    it('removes its listener on dispose and goes quiet', () => {
        const { window, channel, received } = setUp()
        const listener = [...window.listeners][0]
        expect(channel.active).toBe(true)
        expect(channel.inactiveReason).toBeUndefined()
        channel.dispose()
        expect(window.listeners.size).toBe(0)
        expect(channel.active).toBe(false)
        listener?.({ data: SUBMIT, origin: HOST_ORIGIN, source: window.parent })
        channel.send(buildReadyMessage())
        expect(received).toEqual([])
        expect(window.posted).toEqual([])
    })
})
