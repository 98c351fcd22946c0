import type { ReactNode } from 'react'

import type { FieldRendererProps } from './formTypes.ts'
import { useRunFormContext } from './runFormContext.ts'

export function LongTextInput({ resolved, name, ids, describedBy, invalid }: FieldRendererProps): ReactNode {
    const { register } = useRunFormContext()
    return (
        // A block of its own, so the textarea is not a flex item and can be a layout boundary (styles.css: .long-text).
        <div className="long-text">
            <textarea
                id={ids.input}
                className="input"
                rows={5}
                aria-describedby={describedBy || undefined}
                aria-invalid={invalid}
                aria-required={resolved.required}
                {...register(name)}
            />
        </div>
    )
}
