import type { Field, FormRow } from './fieldModel.ts'
import { copyFormValue } from './formValues.ts'

/** A new row of an object list: each of the item's fields at its schema default. */
export function defaultRow(itemFields: readonly Field[]): FormRow {
    const row: FormRow = {}
    for (const field of itemFields) row[field.name] = copyFormValue(field.defaultValue)
    return row
}
