import {
    buildErrorMessage,
    outboundMessageIsSafe,
    parseInboundMessage,
    rebuildOutboundMessage,
} from './embedMessages.ts'
import type { InboundMessage, OutboundMessage } from './embedMessages.ts'
import { parseBareOrigin } from './parseBareOrigin.ts'

/** What the channel reads off a message event; a real MessageEvent fits. */
export interface EmbedMessageEvent {
    readonly data: unknown
    readonly origin: string
    readonly source: unknown
}

export type EmbedMessageListener = (event: EmbedMessageEvent) => void

/** The parent window, as far as a cross-origin child may use it. */
export interface EmbedParentWindow {
    postMessage(message: unknown, targetOrigin: string): void
}

/** The slice of `window` the channel needs, so tests can pass a fake. */
export interface EmbedWindow {
    readonly parent: EmbedParentWindow
    addEventListener(type: 'message', listener: EmbedMessageListener): void
    removeEventListener(type: 'message', listener: EmbedMessageListener): void
}

export interface EmbedChannelOptions {
    window: EmbedWindow
    /** The one origin allowed to talk to the embed (see resolveParentOrigin). */
    parentOrigin: string | undefined
    onMessage: (message: InboundMessage) => void
    /** Current secret values (API key, sensitive fields); a message containing one is never sent. */
    getSecrets?: () => readonly string[]
}

export interface EmbedChannel {
    send(message: OutboundMessage): void
    dispose(): void
    readonly active: boolean
    readonly inactiveReason?: string | undefined
}

export type ChannelTarget = { active: true; origin: string } | { active: false; reason: string }

/** Whether a channel can work in this window with this origin, and why not. */
export function checkChannelTarget(window: EmbedWindow, parentOrigin: string | undefined): ChannelTarget {
    if (Object.is(window.parent, window)) return { active: false, reason: 'The page is not inside an iframe.' }
    if (parentOrigin === undefined) return { active: false, reason: 'No parent origin is known, so messaging is off.' }
    const origin = parseBareOrigin(parentOrigin)
    if (origin === undefined) return { active: false, reason: 'The parent origin is not a bare http(s) origin.' }
    return { active: true, origin }
}

// A message that claims to be for us but is not usable gets an error back; other traffic is none of our business.
const QUIET_REJECTIONS: ReadonlySet<string> = new Set(['not-an-object', 'not-from-host'])

/** A postMessage channel to the parent window, bound to one origin; inactive (and silent) when it cannot be. */
export function createEmbedChannel(options: EmbedChannelOptions): EmbedChannel {
    const target = checkChannelTarget(options.window, options.parentOrigin)
    if (!target.active) {
        return { send: () => undefined, dispose: () => undefined, active: false, inactiveReason: target.reason }
    }
    const { window, onMessage, getSecrets } = options
    const parent = window.parent
    let disposed = false

    const post = (message: OutboundMessage): void => {
        parent.postMessage(message, target.origin)
    }

    const send = (message: OutboundMessage): void => {
        if (disposed) return
        const wire = rebuildOutboundMessage(message)
        if (outboundMessageIsSafe(wire, getSecrets?.() ?? [])) {
            post(wire)
        } else {
            post(buildErrorMessage('message-withheld', `A ${wire.type} message was withheld: it held a secret value.`))
        }
    }

    const listener: EmbedMessageListener = (event) => {
        if (disposed || event.source !== parent || event.origin !== target.origin) return
        const result = parseInboundMessage(event.data)
        if (result.ok) {
            onMessage(result.message)
        } else if (!QUIET_REJECTIONS.has(result.reason)) {
            send(buildErrorMessage('invalid-message', result.detail))
        }
    }
    window.addEventListener('message', listener)

    return {
        send,
        dispose: () => {
            if (disposed) return
            disposed = true
            window.removeEventListener('message', listener)
        },
        get active() {
            return !disposed
        },
        get inactiveReason() {
            return disposed ? 'The channel was disposed.' : undefined
        },
    }
}
