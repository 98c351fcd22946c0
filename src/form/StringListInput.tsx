import type { ReactNode } from 'react'
import { useController } from 'react-hook-form'

import type { FieldRendererProps } from './formTypes.ts'
import { useRunFormContext } from './runFormContext.ts'

/** A list of strings edited one per line; raw lines are kept so typing a newline is not eaten. */
export function StringListInput({ resolved, name: path, ids, describedBy, invalid }: FieldRendererProps): ReactNode {
    const { control } = useRunFormContext()
    const {
        field: { ref, name, value, onChange, onBlur },
    } = useController({ control, name: path })
    const lines = Array.isArray(value) ? value.join('\n') : ''
    return (
        <textarea
            id={ids.input}
            ref={ref}
            name={name}
            className="input mono"
            rows={2}
            value={lines}
            placeholder="One per line"
            aria-describedby={describedBy || undefined}
            aria-invalid={invalid}
            aria-required={resolved.required}
            onBlur={onBlur}
            onChange={(event) => {
                onChange(event.target.value === '' ? [] : event.target.value.split('\n'))
            }}
        />
    )
}
