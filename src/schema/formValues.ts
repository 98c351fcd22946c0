import type { FormRow, FormValue, FormValues } from './fieldModel.ts'

/** The string value of a text, uuid, enum or boolean field; '' when absent or of another shape. */
export function readString(values: FormValues, name: string): string {
    const value = Object.hasOwn(values, name) ? values[name] : undefined
    return typeof value === 'string' ? value : ''
}

export function readList(values: FormValues, name: string): readonly string[] {
    const value = Object.hasOwn(values, name) ? values[name] : undefined
    return Array.isArray(value) ? value.filter((item: unknown): item is string => typeof item === 'string') : []
}

function isRow(value: unknown): value is FormRow {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The rows of an object list; anything that is not a row reads as absent. */
export function readRows(values: FormValues, name: string): readonly FormRow[] {
    return rowsOf(Object.hasOwn(values, name) ? values[name] : undefined)
}

/** The rows in a value read by path (react-hook-form's getValues / useWatch of a list). */
export function rowsOf(value: unknown): FormRow[] {
    return Array.isArray(value) ? value.filter(isRow) : []
}

/** A copy the form may edit in place: lists and rows are never shared with a model, a link or a draft. */
export function copyFormValue(value: FormValue): FormValue {
    if (typeof value === 'string' || typeof value === 'boolean') return value
    const items: readonly (string | FormRow)[] = value
    const strings = items.filter((item) => typeof item === 'string')
    return strings.length === items.length ? strings : items.filter(isRow).map(copyRow)
}

function copyRow(row: FormRow): FormRow {
    const copied: FormRow = {}
    for (const [name, value] of Object.entries(row)) {
        if (value !== undefined) copied[name] = copyFormValue(value)
    }
    return copied
}

export function readFlag(values: FormValues, name: string): boolean {
    return Object.hasOwn(values, name) && values[name] === true
}

/** Counts characters the way PostHog's server (Python) does: by code point, not UTF-16 unit. */
export function characterCount(value: string): number {
    let count = 0
    for (const _ of value) count++
    return count
}
