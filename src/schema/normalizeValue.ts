import type { Field, FormValues } from './fieldModel.ts'
import { readList, readString } from './formValues.ts'

/** The value as PostHog should get it: trimmed, blanks dropped; undefined means "omit the property". */
export function normalizeValue(field: Field, values: FormValues): string | string[] | undefined {
    if (field.kind === 'stringList') {
        const items = readList(values, field.name)
            .map((item) => item.trim())
            .filter((item) => item !== '')
        return items.length > 0 ? items : undefined
    }
    if (field.kind === 'constant') {
        return field.value
    }
    const value = readString(values, field.name).trim()
    return value === '' ? undefined : value
}
