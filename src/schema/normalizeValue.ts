import type { Field, FormRow, FormValues } from './fieldModel.ts'
import { readList, readRows, readString } from './formValues.ts'

/** A value as PostHog should get it, still in the form's spelling (booleans as 'true' / 'false'). */
export type NormalValue = string | string[] | FormRow[]

/** A row with nothing typed into it (constants aside) is no row at all: it is neither validated nor sent. */
export function isBlankRow(itemFields: readonly Field[], row: FormRow): boolean {
    return itemFields.every((field) => field.kind === 'constant' || normalizeValue(field, row) === undefined)
}

/** The value as PostHog should get it: trimmed, blanks dropped; undefined means "omit the property". */
export function normalizeValue(field: Field, values: FormValues): NormalValue | undefined {
    if (field.kind === 'stringList') {
        const items = readList(values, field.name)
            .map((item) => item.trim())
            .filter((item) => item !== '')
        return items.length > 0 ? items : undefined
    }
    if (field.kind === 'objectList') {
        const rows: FormRow[] = []
        for (const row of readRows(values, field.name)) {
            if (isBlankRow(field.itemFields, row)) continue
            const normal: FormRow = {}
            for (const itemField of field.itemFields) {
                const value = normalizeValue(itemField, row)
                if (value !== undefined) normal[itemField.name] = value
            }
            rows.push(normal)
        }
        return rows.length > 0 ? rows : undefined
    }
    if (field.kind === 'constant') {
        return field.value
    }
    const value = readString(values, field.name).trim()
    return value === '' ? undefined : value
}
