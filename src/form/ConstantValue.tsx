import type { ReactNode } from 'react'

import type { FieldRendererProps } from './formTypes.ts'

/** A single allowed value: shown as fixed, never a choice; the request body always carries it. */
export function ConstantValue({ resolved, ids, describedBy }: FieldRendererProps): ReactNode {
    const { field } = resolved
    if (field.kind !== 'constant') return null
    return (
        <>
            <input
                id={ids.input}
                className="input fixed"
                readOnly
                value={field.option.label}
                aria-describedby={describedBy || undefined}
            />
            {field.option.description ? <p className="choice-description">{field.option.description}</p> : null}
        </>
    )
}
