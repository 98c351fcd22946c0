import { useMemo, useState, type ReactNode } from 'react'
import { useWatch } from 'react-hook-form'

import { defaultRow } from '../schema/defaultRow.ts'
import type { FormRow } from '../schema/fieldModel.ts'
import { rowsOf } from '../schema/formValues.ts'
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

function moved<T>(items: readonly T[], from: number, to: number): T[] {
    const next = [...items]
    next.splice(to, 0, ...next.splice(from, 1))
    return next
}

/** A list of objects: each row is a named group of the item's own fields, which can be added, removed and reordered. */
export function ObjectListInput({ resolved, name, ids, describedBy }: FieldRendererProps): ReactNode {
    const { control, setValue, getValues } = useRunFormContext()
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
                                    setKeys(moved(keys, index, index - 1))
                                    update(moved(current(), index, index - 1))
                                }}
                            >
                                Move up<span className="visually-hidden"> {rowLabel}</span>
                            </button>
                            <button
                                type="button"
                                className="button secondary"
                                disabled={index === rows.length - 1}
                                onClick={() => {
                                    setKeys(moved(keys, index, index + 1))
                                    update(moved(current(), index, index + 1))
                                }}
                            >
                                Move down<span className="visually-hidden"> {rowLabel}</span>
                            </button>
                            <button
                                type="button"
                                className="button secondary"
                                onClick={() => {
                                    setKeys(keys.filter((_, at) => at !== index))
                                    update(current().filter((_, at) => at !== index))
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
