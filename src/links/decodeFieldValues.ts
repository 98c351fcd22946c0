import { fieldValidator, UUID_EXAMPLE } from '../schema/buildFieldValidator.ts'
import type { Field, FieldModel, FormRow, FormValue, FormValues, ObjectListField } from '../schema/fieldModel.ts'
import { findDesktopOnly } from '../schema/fieldRules.ts'
import { characterCount } from '../schema/formValues.ts'
import { detectSecret, secretValueKind } from './detectSecret.ts'
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
        case 'url':
            return `${quoteValue(value)} is not a web address (https://…), or is ${tooLong(characterCount(value), field.maxLength)}.`
        case 'text':
        case 'longText':
        case 'secret':
            return `${tooLong(characterCount(value), field.maxLength)}.`
        case 'stringList':
        case 'objectList':
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

function parseRow(item: unknown): unknown {
    if (typeof item !== 'string') return item
    try {
        return JSON.parse(item)
    } catch {
        return item
    }
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** One row of a list: known, non-secret properties only, each decoded by its own field's rules. */
function decodeRow(
    field: ObjectListField,
    raw: unknown,
    where: string,
    problems: PrefillProblem[]
): FormRow | undefined {
    const row = parseRow(raw)
    if (!isRecord(row)) {
        problems.push(
            prefillProblem(
                'invalid',
                field.name,
                `${where} is ${describeType(row)}, not an object, so it was left out.`
            )
        )
        return undefined
    }
    const decoded: FormRow = {}
    for (const [name, value] of Object.entries(row)) {
        const itemField = field.itemFields.find((candidate) => candidate.name === name)
        const path = `${where}, ${name}`
        if (!itemField) {
            problems.push(
                prefillProblem('unknown', field.name, `${path}: there is no such property, so it was ignored.`)
            )
            continue
        }
        const strings = (Array.isArray(value) ? value : [value]).filter((item) => typeof item === 'string')
        if (itemField.sensitive || strings.some((item) => secretValueKind(item) !== undefined)) {
            problems.push(
                prefillProblem('secret', field.name, `${path} is a secret and is never prefilled, so it was ignored.`)
            )
            continue
        }
        const result = decodeField(
            itemField,
            itemField.kind === 'objectList' ? (Array.isArray(value) ? value : [value]) : [value]
        )
        for (const problem of result.problems) {
            problems.push(prefillProblem(problem.reason, field.name, `${where}, ${problem.message}`))
        }
        if (result.value !== undefined) decoded[name] = result.value
    }
    return decoded
}

function decodeRows(field: ObjectListField, items: readonly unknown[]): FieldResult {
    const problems: PrefillProblem[] = []
    const rows: FormRow[] = []
    items.forEach((item, index) => {
        const row = decodeRow(field, item, `${field.itemLabel} ${index + 1}`, problems)
        if (row) rows.push(row)
    })
    if (field.maxItems !== undefined && rows.length > field.maxItems) {
        problems.push(
            prefillProblem(
                'invalid',
                field.name,
                `has ${rows.length} entries; only the first ${field.maxItems} were kept.`
            )
        )
        rows.length = field.maxItems
    }
    return { value: rows.length > 0 || problems.length === 0 ? rows : undefined, problems }
}

function decodeField(field: Field, items: readonly unknown[]): FieldResult {
    if (field.kind === 'objectList') return decodeRows(field, items)
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
        // What only PostHog Desktop can serve is reported like any value this form cannot use.
        const desktopOnly = findDesktopOnly(field.name, typeof items[0] === 'string' ? items[0].trim() : undefined)
        if (desktopOnly) {
            problems.push(prefillProblem('invalid', name, desktopOnly.reason))
            continue
        }
        const result = decodeField(field, items)
        problems.push(...result.problems)
        if (result.value !== undefined) decoded.push([name, result.value])
    }
    // Keys are model field names, which the compiler already restricted to plain identifiers.
    return { values: Object.fromEntries(decoded), problems, refusedSecrets }
}
