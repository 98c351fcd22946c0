import * as z from 'zod/mini'

import { FIELD } from '../schema/fieldRules.ts'
import type { Field, FieldModel } from '../schema/fieldModel.ts'
import { ApiError } from './ApiError.ts'
import type { ApiErrorInfo } from './ApiError.ts'
import { apiErrorMessage } from './apiErrorMessage.ts'

export type HeaderSource = Headers | Readonly<Record<string, string>>

export interface ParseApiErrorOptions {
    /** The form's fields; an attr maps to a field only when the model has it. */
    fieldModel?: FieldModel | undefined
    /** The clock for reset times (tests pass a fixed one). */
    now?: Date | undefined
}

// A wrong-typed key reads as absent: the body is untrusted and one bad key must not hide the others.
const text = z.catch(z.optional(z.string()), undefined)
const ErrorBody = z.object({
    type: text,
    code: text,
    detail: text,
    error: text,
    attr: text,
    limit_type: text,
    reset_at: text,
    retry_token: text,
    missing_artifact_ids: z.catch(z.optional(z.array(z.unknown())), undefined),
})
type ErrorBody = z.infer<typeof ErrorBody>

const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
const AUTH_CODES: ReadonlySet<string> = new Set(['not_authenticated', 'authentication_failed'])
const HOG_KEYS = ['type', 'code', 'detail', 'error', 'attr']
const WARM_CODE = 'warm_run_activation_unavailable'
const MAX_DETAIL = 500

type Json = { ok: true; value: unknown } | { ok: false; looksLikeJson: boolean }

function parseJson(bodyText: string): Json {
    const trimmed = bodyText.trim()
    try {
        return { ok: true, value: JSON.parse(trimmed) }
    } catch {
        return { ok: false, looksLikeJson: trimmed.startsWith('{') || trimmed.startsWith('[') }
    }
}

function readHeader(headers: HeaderSource, name: string): string | undefined {
    if (headers instanceof Headers) return headers.get(name) ?? undefined
    const wanted = name.toLowerCase()
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)
    return entry?.[1]
}

function clip(value: string | undefined): string | undefined {
    const trimmed = value?.trim()
    if (!trimmed) return undefined
    return trimmed.length > MAX_DETAIL ? `${trimmed.slice(0, MAX_DETAIL)}…` : trimmed
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Plain DRF shapes, in case a response skips PostHog's handler: ["msg"] or {"field": ["msg"]}. */
function plainDrfError(value: unknown): { attr: string | undefined; detail: string } | undefined {
    if (Array.isArray(value)) {
        const first: unknown = value[0]
        return typeof first === 'string' ? { attr: undefined, detail: first } : undefined
    }
    if (!isRecord(value) || HOG_KEYS.some((key) => Object.hasOwn(value, key))) return undefined
    for (const [key, messages] of Object.entries(value)) {
        const first: unknown = Array.isArray(messages) ? messages[0] : undefined
        if (typeof first === 'string') return { attr: key === 'non_field_errors' ? undefined : key, detail: first }
    }
    return undefined
}

interface Body {
    shaped: boolean
    fields: ErrorBody
    detail: string | undefined
    attr: string | undefined
}

function readBody(value: unknown): Body {
    const fields: ErrorBody = isRecord(value) ? ErrorBody.parse(value) : {}
    const hogDetail = fields.detail ?? fields.error
    if (hogDetail !== undefined || fields.code !== undefined) {
        return { shaped: true, fields, detail: clip(hogDetail), attr: fields.attr }
    }
    const drf = plainDrfError(value)
    if (drf) return { shaped: true, fields, detail: clip(drf.detail), attr: drf.attr }
    return { shaped: false, fields, detail: undefined, attr: undefined }
}

/** Inside a list: imported_mcp_servers + [1, url] → imported_mcp_servers.1.url, as deep as the rows go. */
function rowPath(field: Field, path: string, rest: readonly string[]): string {
    const [index, name, ...deeper] = rest
    if (field.kind !== 'objectList' || index === undefined || !/^\d+$/.test(index)) return path
    const itemField = field.itemFields.find((candidate) => candidate.name === name)
    return itemField ? rowPath(itemField, `${path}.${index}.${itemField.name}`, deeper) : path
}

/**
 * The form path a server attr points at, when the model has that field: pending_user_artifact_ids__0 →
 * pending_user_artifact_ids; imported_mcp_servers__1__url → imported_mcp_servers.1.url (that row's field).
 */
export function fieldForAttr(attr: string, model: FieldModel | undefined): string | undefined {
    if (!model) return undefined
    const parts = attr.split('__')
    for (let length = parts.length; length > 0; length--) {
        const name = parts.slice(0, length).join('__')
        const field = FORBIDDEN_NAMES.has(name) ? undefined : model.byName.get(name)
        if (field) return rowPath(field, name, parts.slice(length))
    }
    return undefined
}

function fieldForBody(body: Body, missing: readonly string[], model: FieldModel | undefined): string | undefined {
    if (body.attr !== undefined) return fieldForAttr(body.attr, model)
    if (missing.length > 0) return fieldForAttr(FIELD.artifactIds, model)
    // The run view's own 400s name the field in the text: "Invalid resume_from_run_id".
    const named = /^Invalid ([a-z][a-z0-9_]*)\.?$/.exec(body.detail ?? '')
    return named?.[1] === undefined ? undefined : fieldForAttr(named[1], model)
}

function secondsUntil(date: Date, now: Date): number {
    return Math.max(0, Math.ceil((date.getTime() - now.getTime()) / 1000))
}

function parseDate(value: string | undefined): Date | undefined {
    if (value === undefined) return undefined
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? undefined : date
}

function retryAfter(headers: HeaderSource, now: Date): number | undefined {
    const value = readHeader(headers, 'retry-after')?.trim()
    if (!value) return undefined
    if (/^\d+$/.test(value)) return Number(value)
    const date = parseDate(value)
    return date ? secondsUntil(date, now) : undefined
}

function rateLimitInfo(body: Body, headers: HeaderSource, now: Date): ApiErrorInfo {
    const resetAt = parseDate(body.fields.reset_at)
    const throttled = /available in (\d+(?:\.\d+)?) seconds?/i.exec(body.detail ?? '')
    let seconds: number | undefined
    if (resetAt) seconds = secondsUntil(resetAt, now)
    else if (throttled?.[1] !== undefined) seconds = Math.ceil(Number(throttled[1]))
    else seconds = retryAfter(headers, now)
    return {
        kind: 'rate_limited',
        resetAt: resetAt ?? (seconds === undefined ? undefined : new Date(now.getTime() + seconds * 1000)),
        retryAfterSeconds: seconds,
        limitType: body.fields.limit_type,
    }
}

function forbiddenInfo(body: Body): ApiErrorInfo {
    const detail = body.detail ?? ''
    const scope = /missing required scope '([^']+)'/i.exec(detail)?.[1]
    if (scope !== undefined) return { kind: 'forbidden', reason: 'missing_scope', scope }
    // Access gates of the run endpoint, not scopes: a new key would not help.
    if (body.fields.code === 'code_access_required' || /PostHog Desktop access is required/i.test(detail)) {
        return { kind: 'forbidden', reason: 'desktop_access_required' }
    }
    if (/\bPi runtime\b.*\bdisabled\b|\bdisabled\b.*\bPi runtime\b/i.test(detail)) {
        return { kind: 'forbidden', reason: 'runtime_disabled' }
    }
    if (/does not have access to the requested project/i.test(detail)) {
        return { kind: 'forbidden', reason: 'project_not_allowed', projectId: /ID (\d+)/.exec(detail)?.[1] }
    }
    return { kind: 'forbidden', reason: 'other' }
}

function classify(
    status: number,
    json: Json,
    body: Body,
    headers: HeaderSource,
    options: ParseApiErrorOptions
): ApiErrorInfo {
    const code = body.fields.code
    const now = options.now ?? new Date()
    if (status === 429 || status === 402) return rateLimitInfo(body, headers, now)
    if (status >= 500) {
        return code === WARM_CODE ? { kind: 'warming_up', retryToken: body.fields.retry_token } : { kind: 'server' }
    }
    if (status < 400) return { kind: 'unexpected' }
    if (!body.shaped) {
        // Cut-off JSON is a garbled PostHog answer; anything else (HTML, empty) is some other server.
        return json.ok || json.looksLikeJson ? { kind: 'unexpected' } : { kind: 'not_posthog' }
    }
    if (status === 401 || (code !== undefined && AUTH_CODES.has(code))) return { kind: 'unauthenticated' }
    if (status === 403) return forbiddenInfo(body)
    if (status === 404) return { kind: 'not_found' }
    if (status === 400) {
        const missing = (body.fields.missing_artifact_ids ?? []).filter((id): id is string => typeof id === 'string')
        return {
            kind: 'validation',
            attr: body.attr,
            field: fieldForBody(body, missing, options.fieldModel),
            missingArtifactIds: missing,
        }
    }
    return { kind: 'unexpected' }
}

/** Turns any non-2xx answer into an ApiError; never throws, whatever the body holds. */
export function parseApiError(
    status: number,
    bodyText: string,
    headers: HeaderSource,
    options: ParseApiErrorOptions = {}
): ApiError {
    const json = parseJson(bodyText)
    const body = readBody(json.ok ? json.value : undefined)
    const info = classify(status, json, body, headers, options)
    const code = body.fields.code ?? (info.kind === 'rate_limited' && status === 429 ? 'throttled' : undefined)
    const message = apiErrorMessage(info, { status, code, detail: body.detail })
    return new ApiError({ info, message, status, code, detail: body.detail })
}
