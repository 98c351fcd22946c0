import * as z from 'zod/mini'

import { EMBED_PROTOCOL_VERSION, EMBED_SOURCE, HOST_SOURCE } from './embedProtocol.ts'

// Limits on what a host may send: field values are short, a list holds a few dozen repositories at most.
export const MAX_OBJECT_KEYS = 100
export const MAX_LIST_ITEMS = 100
export const MAX_STRING_LENGTH = 10_000
const MAX_TOTAL_ENTRIES = 1_000
const MAX_DEPTH = 4
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
// Shorter values match ordinary text (a one-letter draft token would block every message), and leak little.
const MIN_GUARDED_SECRET_LENGTH = 6

/** What an `error` message is about; hosts may branch on the code, the message is for people. */
export const EMBED_ERROR_CODES = [
    'invalid-message',
    'invalid-values',
    'secret-refused',
    'field-locked',
    'submit-refused',
    'submit-pending',
    'submit-declined',
    'submit-invalid',
    'submit-failed',
    'message-withheld',
] as const
export type EmbedErrorCode = (typeof EMBED_ERROR_CODES)[number]

interface Envelope {
    source: typeof EMBED_SOURCE
    version: typeof EMBED_PROTOCOL_VERSION
}

export interface ReadyMessage extends Envelope {
    type: 'ready'
}

export interface ResizeMessage extends Envelope {
    type: 'resize'
    /** CSS pixels the iframe must be tall to show the content without a scrollbar (an integer). */
    height: number
}

export interface RunIdentity {
    taskId: string
    runId: string
    /** PostHog's run status, e.g. queued, in_progress, completed, failed. */
    status: string
}

export interface SubmittedMessage extends Envelope, RunIdentity {
    type: 'submitted'
    /** The run's page in PostHog. */
    link: string
}

export interface RunStatusMessage extends Envelope, RunIdentity {
    type: 'run-status'
}

export interface ErrorMessage extends Envelope {
    type: 'error'
    code: EmbedErrorCode
    message: string
}

export type OutboundMessage = ReadyMessage | ResizeMessage | SubmittedMessage | RunStatusMessage | ErrorMessage

const envelope: Envelope = { source: EMBED_SOURCE, version: EMBED_PROTOCOL_VERSION }

export function buildReadyMessage(): ReadyMessage {
    return { ...envelope, type: 'ready' }
}

export function buildResizeMessage(height: number): ResizeMessage {
    return { ...envelope, type: 'resize', height: Number.isFinite(height) ? Math.max(0, Math.ceil(height)) : 0 }
}

// Each builder copies the named fields only, so a caller passing a wider object cannot leak the rest.
export function buildSubmittedMessage(run: RunIdentity & { link: string }): SubmittedMessage {
    return { ...envelope, type: 'submitted', taskId: run.taskId, runId: run.runId, status: run.status, link: run.link }
}

export function buildRunStatusMessage(run: RunIdentity): RunStatusMessage {
    return { ...envelope, type: 'run-status', taskId: run.taskId, runId: run.runId, status: run.status }
}

export function buildErrorMessage(code: EmbedErrorCode, message: string): ErrorMessage {
    return { ...envelope, type: 'error', code, message }
}

/** The message exactly as its builder makes it: drops any field a wider object smuggled in. */
export function rebuildOutboundMessage(message: OutboundMessage): OutboundMessage {
    switch (message.type) {
        case 'ready':
            return buildReadyMessage()
        case 'resize':
            return buildResizeMessage(message.height)
        case 'submitted':
            return buildSubmittedMessage(message)
        case 'run-status':
            return buildRunStatusMessage(message)
        case 'error':
            return buildErrorMessage(message.code, message.message)
    }
}

/** False when any string in the message contains a known secret value (raw or URL-encoded). */
export function outboundMessageIsSafe(message: OutboundMessage, knownSecrets: readonly string[]): boolean {
    const needles = knownSecrets
        .filter((secret) => secret.length >= MIN_GUARDED_SECRET_LENGTH)
        .flatMap((secret) => [secret, encodeURIComponent(secret)])
    if (needles.length === 0) return true
    const texts = Object.values(message).filter((value): value is string => typeof value === 'string')
    return !texts.some((text) => needles.some((needle) => text.includes(needle)))
}

export interface SetValuesMessage {
    type: 'set-values'
    source: typeof HOST_SOURCE
    version: typeof EMBED_PROTOCOL_VERSION
    /** Raw values by field name, not yet validated: the app decodes them like a URL prefill. */
    values: Record<string, unknown>
}

export interface SubmitMessage {
    type: 'submit'
    source: typeof HOST_SOURCE
    version: typeof EMBED_PROTOCOL_VERSION
}

export type InboundMessage = SetValuesMessage | SubmitMessage

export type InboundRejection =
    | 'not-an-object'
    | 'not-from-host'
    | 'unsupported-version'
    | 'unsafe-key'
    | 'too-large'
    | 'not-plain-data'
    | 'unknown-type'
    | 'invalid-shape'

export type InboundParseResult =
    { ok: true; message: InboundMessage } | { ok: false; reason: InboundRejection; detail: string }

const hostEnvelope = { source: z.literal(HOST_SOURCE), version: z.literal(EMBED_PROTOCOL_VERSION) }
const InboundSchema = z.discriminatedUnion('type', [
    z.strictObject({ ...hostEnvelope, type: z.literal('set-values'), values: z.record(z.string(), z.unknown()) }),
    z.strictObject({ ...hostEnvelope, type: z.literal('submit') }),
])
const INBOUND_TYPES: ReadonlySet<unknown> = new Set(['set-values', 'submit'])

function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
    const prototype: unknown = Object.getPrototypeOf(value)
    return prototype === Object.prototype || prototype === null
}

type Rejection = { reason: InboundRejection; detail: string }

/** Walks structured-clone data: JSON-like values only, bounded in size and depth, no prototype keys. */
function checkPlainData(root: unknown): Rejection | undefined {
    let entries = 0
    const visit = (value: unknown, path: string, depth: number): Rejection | undefined => {
        if (typeof value === 'string') {
            return value.length > MAX_STRING_LENGTH
                ? { reason: 'too-large', detail: `${path} is longer than ${MAX_STRING_LENGTH} characters.` }
                : undefined
        }
        if (typeof value === 'boolean' || value === null) return undefined
        if (typeof value === 'number') {
            return Number.isFinite(value) ? undefined : { reason: 'not-plain-data', detail: `${path} is not finite.` }
        }
        if (depth >= MAX_DEPTH) return { reason: 'too-large', detail: `${path} is nested too deeply.` }
        if (Array.isArray(value)) {
            if (value.length > MAX_LIST_ITEMS) {
                return { reason: 'too-large', detail: `${path} has more than ${MAX_LIST_ITEMS} items.` }
            }
            entries += value.length
            if (entries > MAX_TOTAL_ENTRIES) return { reason: 'too-large', detail: 'The message has too many entries.' }
            for (let index = 0; index < value.length; index++) {
                const rejection = visit(value[index], `${path}[${index}]`, depth + 1)
                if (rejection) return rejection
            }
            return undefined
        }
        if (!isPlainObject(value)) {
            return {
                reason: 'not-plain-data',
                detail: `${path} is not a string, number, boolean, null, list or object.`,
            }
        }
        const keys = Object.keys(value)
        if (keys.length > MAX_OBJECT_KEYS) {
            return { reason: 'too-large', detail: `${path} has more than ${MAX_OBJECT_KEYS} keys.` }
        }
        entries += keys.length
        if (entries > MAX_TOTAL_ENTRIES) return { reason: 'too-large', detail: 'The message has too many entries.' }
        for (const key of keys) {
            if (FORBIDDEN_KEYS.has(key)) return { reason: 'unsafe-key', detail: `${path} has a forbidden key.` }
            if (key.length > MAX_STRING_LENGTH) return { reason: 'too-large', detail: `${path} has an overlong key.` }
            const rejection = visit(value[key], `${path}.${key.slice(0, 64)}`, depth + 1)
            if (rejection) return rejection
        }
        return undefined
    }
    return visit(root, 'message', 0)
}

function toNullPrototype(record: Record<string, unknown>): Record<string, unknown> {
    // A field named like an Object.prototype member must read as absent, not as the inherited member.
    const copy: Record<string, unknown> = {}
    Object.setPrototypeOf(copy, null)
    for (const [key, value] of Object.entries(record)) copy[key] = value
    return copy
}

/** Parses a message event's data from the host; never throws, and never echoes values in the detail. */
export function parseInboundMessage(data: unknown): InboundParseResult {
    const reject = (reason: InboundRejection, detail: string): InboundParseResult => ({ ok: false, reason, detail })
    if (!isPlainObject(data)) return reject('not-an-object', 'The message is not a plain object.')
    if (data['source'] !== HOST_SOURCE) return reject('not-from-host', `The message has no source "${HOST_SOURCE}".`)
    if (data['version'] !== EMBED_PROTOCOL_VERSION) {
        return reject('unsupported-version', `Only protocol version ${EMBED_PROTOCOL_VERSION} is supported.`)
    }
    const rejection = checkPlainData(data)
    if (rejection) return reject(rejection.reason, rejection.detail)
    if (!INBOUND_TYPES.has(data['type'])) return reject('unknown-type', 'The type is not set-values or submit.')
    const parsed = InboundSchema.safeParse(data)
    if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 3).map((issue) => {
            const path = issue.path.map(String).join('.')
            return `${path || 'message'}: ${issue.message}`
        })
        return reject('invalid-shape', `The ${String(data['type'])} message is malformed (${issues.join('; ')}).`)
    }
    const message = parsed.data
    if (message.type === 'submit') return { ok: true, message }
    return { ok: true, message: { ...message, values: toNullPrototype(message.values) } }
}
