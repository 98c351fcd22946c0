import { fieldValidator, UUID_EXAMPLE } from '../schema/buildFieldValidator.ts'
import type { Field, FieldModel, FormValue, FormValues } from '../schema/fieldModel.ts'
import { characterCount } from '../schema/formValues.ts'
import { detectSecret } from './detectSecret.ts'
import { prefillProblem, quoteValue, type PrefillProblem } from './prefillProblem.ts'

/** Name/value pairs from a URL, a draft or a message; a name may repeat, and values are untrusted. */
export type FieldValueEntries = Iterable<readonly [name: string, value: unknown]>

export interface DecodedFieldValues {
    /** Only valid values of known, non-secret fields; blank values are kept ('' or []) as "explicitly empty". */
    values: FormValues
    /** Every parameter (or list entry) that was not applied, secrets included. */
    problems: PrefillProblem[]
    /** Names whose values were refused as secrets (each also has a problem with reason 'secret'). */
    refusedSecrets: string[]
}

interface FieldResult {
    value: FormValue | undefined
    problems: PrefillProblem[]
}

function isValid(field: Field, value: string | readonly string[]): boolean {
    return fieldValidator(field).safeParse(value).success
}

function describeType(value: unknown): string {
    if (value === null) return 'null'
    if (Array.isArray(value)) return 'a list'
    if (typeof value === 'boolean') return 'true/false'
    if (typeof value === 'object') return 'an object'
    if (typeof value === 'undefined') return 'nothing'
    return `a ${typeof value}`
}

/** A list contributes its entries (one level deep); any other value is one item, checked by kind below. */
function flatten(raws: readonly unknown[]): unknown[] {
    return raws.flatMap((raw) => (Array.isArray(raw) ? raw.map((item: unknown) => item) : [raw]))
}

function tooLong(count: number, max: number | undefined): string {
    // Length is the only check a string can fail here, so a missing maximum never reaches this in practice.
    return max === undefined ? 'not valid' : `too long (${count} characters; at most ${max})`
}

function invalidScalar(field: Field, value: string): string {
    switch (field.kind) {
        case 'enum':
            return `${quoteValue(value)} is not one of the allowed values (${field.options.map((o) => o.value).join(', ')}).`
        case 'uuid':
            return `${quoteValue(value)} is not a UUID (like ${UUID_EXAMPLE}).`
        case 'constant':
            return `${quoteValue(value)} is not allowed; the only value is ${field.value}.`
        case 'boolean':
            return `${quoteValue(value)} is not true or false.`
        case 'text':
        case 'longText':
        case 'secret':
            return `${tooLong(characterCount(value), field.maxLength)}.`
        case 'stringList':
            return 'is not a valid value.'
    }
}

function decodeList(field: Field, items: readonly unknown[]): FieldResult {
    const problems: PrefillProblem[] = []
    const kept: string[] = []
    items.forEach((item, index) => {
        const entry = `entry ${index + 1}`
        if (typeof item !== 'string') {
            problems.push(
                prefillProblem(
                    'invalid',
                    field.name,
                    `${entry} is ${describeType(item)}, not text, so it was left out.`
                )
            )
            return
        }
        const trimmed = item.trim()
        if (trimmed === '') return
        if (!isValid(field, [trimmed])) {
            const max = field.kind === 'stringList' ? field.itemMaxLength : undefined
            problems.push(
                prefillProblem(
                    'invalid',
                    field.name,
                    `${entry} is ${tooLong(characterCount(trimmed), max)}, so it was left out.`
                )
            )
            return
        }
        kept.push(trimmed)
    })
    // A list that lost entries but kept none sets nothing, so the draft or default still applies.
    return { value: kept.length > 0 || problems.length === 0 ? kept : undefined, problems }
}

function decodeScalar(field: Field, items: readonly unknown[]): FieldResult {
    const [first] = items
    if (items.length !== 1) {
        const detail = items.length === 0 ? 'has no value.' : `got ${items.length} values, but it takes one.`
        return { value: undefined, problems: [prefillProblem('invalid', field.name, detail)] }
    }
    const raw = field.kind === 'boolean' && typeof first === 'boolean' ? String(first) : first
    if (typeof raw !== 'string') {
        const expected = field.kind === 'boolean' ? 'true or false' : 'text'
        const detail = `expected ${expected}, got ${describeType(raw)}.`
        return { value: undefined, problems: [prefillProblem('invalid', field.name, detail)] }
    }
    const trimmed = raw.trim()
    if (trimmed !== '' && !isValid(field, trimmed)) {
        return { value: undefined, problems: [prefillProblem('invalid', field.name, invalidScalar(field, trimmed))] }
    }
    // Free text keeps its spacing; choices and ids are stored trimmed so they match an option.
    const keepsSpacing = field.kind === 'text' || field.kind === 'longText'
    return { value: keepsSpacing ? raw : trimmed, problems: [] }
}

function decodeField(field: Field, items: readonly unknown[]): FieldResult {
    return field.kind === 'stringList' ? decodeList(field, items) : decodeScalar(field, items)
}

/**
 * Reads untrusted name/value pairs into form values by the rules of the model; never throws.
 * Each value is a string, a list of strings or (for boolean fields) a boolean; repeated names add up.
 */
export function decodeFieldValues(model: FieldModel, entries: FieldValueEntries): DecodedFieldValues {
    const grouped = new Map<string, unknown[]>()
    for (const [name, raw] of entries) {
        const group = grouped.get(name)
        if (group) group.push(raw)
        else grouped.set(name, [raw])
    }
    const decoded: [string, FormValue][] = []
    const problems: PrefillProblem[] = []
    const refusedSecrets: string[] = []
    for (const [name, raws] of grouped) {
        const items = flatten(raws)
        const secret = detectSecret(
            model,
            name,
            items.filter((item) => typeof item === 'string')
        )
        if (secret) {
            problems.push(secret)
            refusedSecrets.push(name)
            continue
        }
        const field = model.byName.get(name)
        if (!field) {
            problems.push(prefillProblem('unknown', name, 'unknown parameter; this form has no field by that name.'))
            continue
        }
        const result = decodeField(field, items)
        problems.push(...result.problems)
        if (result.value !== undefined) decoded.push([name, result.value])
    }
    // Keys are model field names, which the compiler already restricted to plain identifiers.
    return { values: Object.fromEntries(decoded), problems, refusedSecrets }
}
