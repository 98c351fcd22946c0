import type { Field, FormRow } from './fieldModel.ts'
import { rowsOf } from './formValues.ts'

/** Every form path inside one row of a list, relative to the row, nested rows included: url, headers, headers.0.name. */
export function listRowPaths(itemFields: readonly Field[], row: FormRow): string[] {
    const paths: string[] = []
    for (const field of itemFields) {
        paths.push(field.name)
        if (field.kind !== 'objectList') continue
        rowsOf(row[field.name]).forEach((nested, index) => {
            for (const path of listRowPaths(field.itemFields, nested)) paths.push(`${field.name}.${index}.${path}`)
        })
    }
    return paths
}

/** The rows' order after moving the one at `from` to `to`: for each new position, the old one. */
export function orderAfterMove(length: number, from: number, to: number): number[] {
    const order = Array.from({ length }, (_, index) => index)
    order.splice(to, 0, ...order.splice(from, 1))
    return order
}

/** The rows' order after removing the one at `at`: for each new position, the old one. */
export function orderAfterRemove(length: number, at: number): number[] {
    return Array.from({ length }, (_, index) => index).filter((index) => index !== at)
}
