import type { Field, FieldModel, FormRow, FormValue, FormValues } from '../schema/fieldModel.ts'
import { readList, readRows } from '../schema/formValues.ts'
import { isBlankRow } from '../schema/normalizeValue.ts'
import { secretValueKind } from './detectSecret.ts'

function readText(values: FormValues, name: string): string {
    const value = Object.hasOwn(values, name) ? values[name] : undefined
    // A checkbox may hold a real boolean; the codec speaks the form's 'true' / 'false'.
    if (typeof value === 'boolean') return String(value)
    return typeof value === 'string' ? value : ''
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((item, index) => item === b[index])
}

/** A row without its secrets (at any depth) and without blank or default entries; undefined when nothing is left. */
function shareableRow(itemFields: readonly Field[], row: FormRow): FormRow | undefined {
    const kept: FormRow = {}
    for (const field of itemFields) {
        if (field.sensitive) continue
        const value = normalForm(field, row)
        if (value !== undefined && !carriesSecret(value)) kept[field.name] = value
    }
    return Object.keys(kept).length > 0 ? kept : undefined
}

function normalForm(field: Field, values: FormValues): FormValue | undefined {
    if (field.kind === 'stringList') {
        const items = readList(values, field.name)
            .map((item) => item.trim())
            .filter((item) => item !== '')
        return items.length === 0 || sameList(items, field.defaultValue) ? undefined : items
    }
    if (field.kind === 'objectList') {
        // a row whose only content is a secret has nothing to share, so it is left out like a blank one
        const rows = readRows(values, field.name)
            .filter((row) => !isBlankRow(field.itemFields, row))
            .map((row) => shareableRow(field.itemFields, row))
            .filter((row) => row !== undefined)
        return rows.length > 0 ? rows : undefined
    }
    const raw = readText(values, field.name)
    const value = field.kind === 'text' || field.kind === 'longText' ? raw : raw.trim()
    return raw.trim() === '' || value === field.defaultValue ? undefined : value
}

/** The strings a form value holds: one for a scalar, each entry for a list, one JSON object per row, none for a flag. */
export function valueItems(value: FormValue): readonly string[] {
    if (typeof value === 'string') return [value]
    if (typeof value === 'boolean') return []
    const items: readonly (string | FormRow)[] = value
    return items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
}

function carriesSecret(value: FormValue): boolean {
    return valueItems(value).some((item) => secretValueKind(item) !== undefined)
}

/**
 * The normal form that links, drafts and messages carry: non-secret fields only, blanks and defaults left out
 * (both mean "the schema default"), lists trimmed without blank entries, choices and ids trimmed, free text as typed.
 * Rows of a list keep their non-secret part (an MCP server's type, name, url and header names, never a header value).
 * A value that looks like a key or token is left out too.
 */
export function shareableValues(model: FieldModel, values: FormValues): FormValues {
    const entries: [string, FormValue][] = []
    for (const field of model.fields) {
        if (field.sensitive) continue
        const value = normalForm(field, values)
        if (value === undefined || carriesSecret(value)) continue
        entries.push([field.name, value])
    }
    return Object.fromEntries(entries)
}
