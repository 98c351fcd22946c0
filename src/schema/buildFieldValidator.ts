import * as z from 'zod/mini'

import type { Field } from './fieldModel.ts'
import { characterCount } from './formValues.ts'

// PostHog parses ids with Python's uuid.UUID: hyphenated or 32 bare hex digits, any version.
const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i

export const UUID_EXAMPLE = '0b7a3b2e-58c4-4f4e-9a51-1d2f3c4b5a69'

function atMost(max: number, what: string): z.core.$ZodCheck<string> {
    return z.refine((value: string) => characterCount(value) <= max, {
        error: (issue) => {
            const count = typeof issue.input === 'string' ? characterCount(issue.input) : 0
            return `${what} can be at most ${max} characters; this one has ${count}. Shorten it.`
        },
    })
}

// The schemes of Django's URLValidator, which PostHog's URL fields use as they come.
const URL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'ftp:', 'ftps:'])

export const URL_MESSAGE =
    'Enter a full address, such as https://mcp.example.com/mcp: it starts with https:// (or http://, ftp://, ftps://) and names a host.'

/** An address with a host and one of the schemes PostHog's URL fields (Django's URLValidator) accept. */
export function isWebUrl(value: string): boolean {
    if (!URL.canParse(value)) return false
    const url = new URL(value)
    return URL_PROTOCOLS.has(url.protocol) && url.hostname !== ''
}

function choiceList(values: readonly string[]): string {
    return values.join(', ')
}

/** The zod validator for one non-blank, trimmed value of a field, with messages that say what to do. */
export function buildFieldValidator(field: Field): z.ZodMiniType {
    switch (field.kind) {
        case 'text':
        case 'longText':
        case 'secret':
            return field.maxLength === undefined ? z.string() : z.string().check(atMost(field.maxLength, 'This'))
        case 'url': {
            const web = z.refine<string>(isWebUrl, URL_MESSAGE)
            return field.maxLength === undefined
                ? z.string().check(web)
                : z.string().check(atMost(field.maxLength, 'This'), web)
        }
        case 'uuid':
            return z.string().check(z.regex(UUID, `Enter a UUID, like ${UUID_EXAMPLE}.`))
        case 'enum': {
            const values = field.options.map((option) => option.value)
            return z
                .string()
                .check(z.refine((value: string) => values.includes(value), `Choose one of: ${choiceList(values)}.`))
        }
        case 'constant':
            return z.literal(field.value, `This must be ${field.value}.`)
        case 'boolean':
            return z.enum(['true', 'false'], 'Choose yes or no.')
        case 'stringList': {
            const item =
                field.itemMaxLength === undefined
                    ? z.string()
                    : z.string().check(atMost(field.itemMaxLength, 'Each entry'))
            return z.array(item)
        }
        case 'objectList': {
            // Rows are checked field by field (validateValues), so each error lands on its own row.
            const max = field.maxItems
            return max === undefined
                ? z.array(z.unknown())
                : z.array(z.unknown()).check(z.maxLength(max, `Add at most ${max}; remove the extra ones.`))
        }
    }
}

const validators = new WeakMap<Field, z.ZodMiniType>()

/** buildFieldValidator, built once per field object and kept while the field model lives. */
export function fieldValidator(field: Field): z.ZodMiniType {
    let validator = validators.get(field)
    if (!validator) {
        validator = buildFieldValidator(field)
        validators.set(field, validator)
    }
    return validator
}
