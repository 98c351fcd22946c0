import type { FormValues } from './fieldModel.ts'

/** The string value of a text, uuid, enum or boolean field; '' when absent or of another shape. */
export function readString(values: FormValues, name: string): string {
    const value = Object.hasOwn(values, name) ? values[name] : undefined
    return typeof value === 'string' ? value : ''
}

export function readList(values: FormValues, name: string): readonly string[] {
    const value = Object.hasOwn(values, name) ? values[name] : undefined
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
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
