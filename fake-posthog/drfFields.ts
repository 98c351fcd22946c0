import { z } from 'zod'

import { buildValidationFailure } from './hogError.ts'
import type { HttpFailure } from './jsonResponse.ts'

// DRF serializer fields expressed in zod, with DRF's messages; the issue is mapped back to DRF's code below.

const REQUIRED_MESSAGE = 'This field is required.'
const NULL_MESSAGE = 'This field may not be null.'

function messageFor(message: string | ((input: unknown) => string)) {
    return (issue: { input?: unknown }): string => {
        if (issue.input === undefined) {
            return REQUIRED_MESSAGE
        }
        if (issue.input === null) {
            return NULL_MESSAGE
        }
        return typeof message === 'string' ? message : message(issue.input)
    }
}

export interface StringFieldOptions {
    maxLength?: number
    allowBlank?: boolean
}

// CharField: trims whitespace, refuses blanks unless allowed; unlike DRF it refuses numbers (see the brief).
export function drfString(options: StringFieldOptions = {}) {
    let schema = z.string({ error: messageFor('Not a valid string.') }).trim()
    if (options.allowBlank !== true) {
        schema = schema.min(1, { error: 'This field may not be blank.' })
    }
    if (options.maxLength !== undefined) {
        schema = schema.max(options.maxLength, {
            error: `Ensure this field has no more than ${options.maxLength} characters.`,
        })
    }
    return schema
}

export function drfChoice<const T extends readonly [string, ...string[]]>(choices: T) {
    return z.enum(choices, { error: messageFor((input) => `"${toPythonString(input)}" is not a valid choice.`) })
}

const UUID_MESSAGE = 'Must be a valid UUID.'

// UUIDField: Python's uuid.UUID() also takes braces, a urn prefix and missing hyphens.
export function drfUuid() {
    return z
        .string({ error: messageFor(UUID_MESSAGE) })
        .refine((value) => toCanonicalUuid(value) !== undefined, { error: UUID_MESSAGE })
        .transform((value) => toCanonicalUuid(value) ?? value)
}

export function toCanonicalUuid(value: string): string | undefined {
    const hex = value
        .trim()
        .replace(/^urn:/i, '')
        .replace(/^uuid:/i, '')
        .replace(/^\{|\}$/g, '')
        .replaceAll('-', '')
        .toLowerCase()
    if (!/^[0-9a-f]{32}$/.test(hex)) {
        return undefined
    }
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const TRUE_VALUES = new Set<unknown>(['t', 'y', 'yes', 'true', 'on', '1', 1, true])
const FALSE_VALUES = new Set<unknown>(['f', 'n', 'no', 'false', 'off', '0', 0, false])

// BooleanField: DRF's textual spellings count too.
export function drfBoolean() {
    return z.preprocess(
        (value) => {
            const key = typeof value === 'string' ? value.toLowerCase() : value
            if (TRUE_VALUES.has(key)) {
                return true
            }
            return FALSE_VALUES.has(key) ? false : value
        },
        z.boolean({ error: messageFor('Must be a valid boolean.') })
    )
}

const INTEGER_MESSAGE = 'A valid integer is required.'

// IntegerField: numeric strings are accepted, fractions are not.
export function drfInteger(min: number, max: number) {
    return z.preprocess(
        (value) => (typeof value === 'string' && /^\s*-?\d+(\.0*)?\s*$/.test(value) ? Number.parseFloat(value) : value),
        z
            .number({ error: messageFor(INTEGER_MESSAGE) })
            .int({ error: INTEGER_MESSAGE })
            .min(min, { error: `Ensure this value is greater than or equal to ${min}.` })
            .max(max, { error: `Ensure this value is less than or equal to ${max}.` })
    )
}

export function drfList<T extends z.ZodType>(child: T, options: { allowEmpty?: boolean; maxLength?: number } = {}) {
    let schema = z.array(child, {
        error: messageFor((input) => `Expected a list of items but got type "${toPythonTypeName(input)}".`),
    })
    if (options.maxLength !== undefined) {
        schema = schema.max(options.maxLength, {
            error: `Ensure this field has no more than ${options.maxLength} elements.`,
        })
    }
    return options.allowEmpty === false ? schema.min(1, { error: 'This list may not be empty.' }) : schema
}

// URLField: Django's URLValidator (http, https, ftp, ftps with a host); the app offers http(s) only.
export function drfUrl(options: StringFieldOptions = {}) {
    return drfString(options).refine(
        (value) => {
            if (!URL.canParse(value)) {
                return false
            }
            const url = new URL(value)
            return ['http:', 'https:', 'ftp:', 'ftps:'].includes(url.protocol) && url.hostname !== ''
        },
        { error: 'Enter a valid URL.' }
    )
}

export function drfDict() {
    return z.record(z.string(), z.unknown(), {
        error: messageFor((input) => `Expected a dictionary of items but got type "${toPythonTypeName(input)}".`),
    })
}

// A nested serializer.
export function drfObject<T extends z.ZodRawShape>(shape: T) {
    return z.object(shape, {
        error: messageFor((input) => `Invalid data. Expected a dictionary, but got ${toPythonTypeName(input)}.`),
    })
}

// Parses like serializer.is_valid() and answers with the first error only, as PostHog does.
export function parseDrf<T extends z.ZodType>(
    schema: T,
    data: unknown
): { ok: true; data: z.output<T> } | { ok: false; failure: HttpFailure } {
    if (!isPlainObject(data)) {
        const detail = `Invalid data. Expected a dictionary, but got ${toPythonTypeName(data)}.`
        return { ok: false, failure: buildValidationFailure('invalid', detail, null) }
    }
    const result = schema.safeParse(data, { reportInput: true })
    if (result.success) {
        return { ok: true, data: result.data }
    }
    const issue = result.error.issues[0]
    if (issue === undefined) {
        return { ok: false, failure: buildValidationFailure('invalid', 'Invalid input.', null) }
    }
    const attr = issue.path.map(String).join('__')
    return { ok: false, failure: buildValidationFailure(toDrfCode(issue), issue.message, attr === '' ? null : attr) }
}

function toDrfCode(issue: z.core.$ZodIssue): string {
    if (issue.input === null) {
        return 'null'
    }
    if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
        return 'required'
    }
    switch (issue.code) {
        case 'invalid_type':
            return issue.expected === 'array' ? 'not_a_list' : 'invalid'
        case 'invalid_value':
            return 'invalid_choice'
        case 'too_small':
            if (issue.origin === 'string') {
                return 'blank'
            }
            return issue.origin === 'array' ? 'empty' : 'min_value'
        case 'too_big':
            return issue.origin === 'number' ? 'max_value' : 'max_length'
        default:
            return 'invalid'
    }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toPythonTypeName(value: unknown): string {
    if (value === null) {
        return 'NoneType'
    }
    if (Array.isArray(value)) {
        return 'list'
    }
    switch (typeof value) {
        case 'string':
            return 'str'
        case 'number':
            return Number.isInteger(value) ? 'int' : 'float'
        case 'boolean':
            return 'bool'
        default:
            return 'dict'
    }
}

function toPythonString(value: unknown): string {
    if (typeof value === 'boolean') {
        return value ? 'True' : 'False'
    }
    return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)
}
