import type { ReactNode } from 'react'
import { useWatch } from 'react-hook-form'

import type { ResolvedField } from '../schema/resolveFields.ts'
import type { FieldIds } from './formTypes.ts'
import { useRunFormContext } from './runFormContext.ts'

interface LockedValueProps {
    resolved: ResolvedField
    ids: FieldIds
    describedBy: string
    unavailable: boolean
}

function display(resolved: ResolvedField, value: unknown): string {
    const { field } = resolved
    if (field.sensitive) return ''
    if (Array.isArray(value)) {
        // A list of rows reads as its size: the rows themselves are shown nowhere else in a locked field.
        const strings = value.filter((item: unknown) => typeof item === 'string')
        return strings.length === value.length ? strings.join(', ') : `${value.length} set`
    }
    if (typeof value !== 'string' || value === '') return 'Not set'
    if (field.kind === 'enum') return field.options.find((option) => option.value === value)?.label ?? value
    if (field.kind === 'boolean') return value === 'true' ? 'Yes' : 'No'
    return value
}

/** A read-only stand-in: the value stays in the form state but cannot be edited here. */
export function LockedValue({ resolved, ids, describedBy, unavailable }: LockedValueProps): ReactNode {
    const { control } = useRunFormContext()
    const value = useWatch({ control, name: resolved.field.name })
    return (
        <input
            id={ids.input}
            className="input fixed"
            readOnly
            value={unavailable ? 'Not available' : display(resolved, value)}
            aria-describedby={describedBy || undefined}
        />
    )
}
