import { useMemo, useState, type ReactNode } from 'react'
import { useWatch, type ErrorOption } from 'react-hook-form'

import { defaultRow } from '../schema/defaultRow.ts'
import type { FormRow } from '../schema/fieldModel.ts'
import { rowsOf } from '../schema/formValues.ts'
import { listRowPaths, orderAfterMove, orderAfterRemove } from '../schema/listRowPaths.ts'
import { resolveRowField } from '../schema/resolveRowField.ts'
import type { FieldRendererProps } from './formTypes.ts'
import { RowField } from './RowField.tsx'
import { useRunFormContext } from './runFormContext.ts'

let lastRowKey = 0

function freshKeys(count: number): number[] {
    return Array.from({ length: count }, () => ++lastRowKey)
}

/** Stable React keys for rows, kept in step with the list as rows arrive from outside (a link, a draft). */
function useRowKeys(length: number): [readonly number[], (keys: readonly number[]) => void] {
    const [keys, setKeys] = useState<readonly number[]>(() => freshKeys(length))
    if (keys.length === length) return [keys, setKeys]
    // Adjusting state while rendering, as React documents for values that follow a prop.
    const next = keys.length < length ? [...keys, ...freshKeys(length - keys.length)] : keys.slice(0, length)
    setKeys(next)
    return [next, setKeys]
}

/** A list of objects: each row is a named group of the item's own fields, which can be added, removed and reordered. */
export function ObjectListInput({ resolved, name, ids, describedBy }: FieldRendererProps): ReactNode {
    const { control, setValue, getValues, getFieldState, setError, clearErrors } = useRunFormContext()
    const { field } = resolved
    // Re-renders this list when a row changes; the rows' fields are memoised and follow their own inputs.
    const rows = rowsOf(useWatch({ control, name }))
    const [keys, setKeys] = useRowKeys(rows.length)
    const itemFields = useMemo(
        () => (field.kind === 'objectList' ? field.itemFields.map(resolveRowField) : []),
        [field]
    )
    if (field.kind !== 'objectList') return null
    const { itemLabel, maxItems } = field
    const full = maxItems !== undefined && rows.length >= maxItems
    // Read at click time, so an edit since the last render is not lost.
    const current = (): FormRow[] => rowsOf(getValues(name))
    const update = (next: FormRow[]) => {
        setValue(name, next, { shouldDirty: true })
    }
    // Errors are kept by row index (list.1.url), PostHog's included: they go where their row goes.
    const reorder = (order: readonly number[]) => {
        const before = current()
        const carried: [string, ErrorOption][] = []
        order.forEach((from, to) => {
            for (const path of listRowPaths(field.itemFields, before[from] ?? {})) {
                const { error } = getFieldState(`${name}.${from}.${path}`)
                if (typeof error?.message === 'string') {
                    carried.push([`${name}.${to}.${path}`, { type: error.type, message: error.message }])
                }
            }
        })
        const listError = getFieldState(name).error
        clearErrors(name)
        if (typeof listError?.message === 'string') setError(name, { type: listError.type, message: listError.message })
        for (const [path, error] of carried) setError(path, error)
        setKeys(order.map((from) => keys[from] ?? ++lastRowKey))
        update(order.map((from) => before[from]).filter((row) => row !== undefined))
    }
    return (
        <div className="object-list" id={ids.input} aria-describedby={describedBy || undefined}>
            {rows.length === 0 ? <p className="field-help">None yet.</p> : null}
            {rows.map((_, index) => {
                const rowLabel = `${itemLabel} ${index + 1}`
                return (
                    <fieldset key={keys[index]} className="object-row">
                        <legend className="object-row-title">{rowLabel}</legend>
                        {itemFields.map((item) => (
                            <RowField
                                key={item.field.name}
                                resolved={item}
                                name={`${name}.${index}.${item.field.name}`}
                            />
                        ))}
                        <div className="object-row-actions">
                            <button
                                type="button"
                                className="button secondary"
                                disabled={index === 0}
                                onClick={() => {
                                    reorder(orderAfterMove(rows.length, index, index - 1))
                                }}
                            >
                                Move up<span className="visually-hidden"> {rowLabel}</span>
                            </button>
                            <button
                                type="button"
                                className="button secondary"
                                disabled={index === rows.length - 1}
                                onClick={() => {
                                    reorder(orderAfterMove(rows.length, index, index + 1))
                                }}
                            >
                                Move down<span className="visually-hidden"> {rowLabel}</span>
                            </button>
                            <button
                                type="button"
                                className="button secondary"
                                onClick={() => {
                                    reorder(orderAfterRemove(rows.length, index))
                                }}
                            >
                                Remove<span className="visually-hidden"> {rowLabel}</span>
                            </button>
                        </div>
                    </fieldset>
                )
            })}
            <button
                type="button"
                className="button secondary"
                disabled={full}
                onClick={() => {
                    update([...current(), defaultRow(field.itemFields)])
                }}
            >
                Add {itemLabel.charAt(0).toLowerCase() + itemLabel.slice(1)}
            </button>
            {full ? <p className="field-help">This list holds at most {maxItems}.</p> : null}
        </div>
    )
}
