import { useState, type ReactNode } from 'react'

import type { FieldRendererProps } from './formTypes.ts'
import { useRunFormContext } from './runFormContext.ts'

/** writeOnly values: masked by default, never autofilled or saved by the browser. */
export function SecretInput({ resolved, name, ids, describedBy, invalid }: FieldRendererProps): ReactNode {
    const { register } = useRunFormContext()
    const [revealed, setRevealed] = useState(false)
    return (
        <div className="secret">
            <input
                id={ids.input}
                type={revealed ? 'text' : 'password'}
                className="input mono"
                autoComplete="off"
                spellCheck={false}
                data-sensitive="true"
                aria-describedby={describedBy || undefined}
                aria-invalid={invalid}
                aria-required={resolved.required}
                {...register(name)}
            />
            <button
                type="button"
                className="button secondary"
                aria-pressed={revealed}
                aria-controls={ids.input}
                onClick={() => {
                    setRevealed(!revealed)
                }}
            >
                {revealed ? 'Hide' : 'Show'}
                <span className="visually-hidden"> {resolved.field.label}</span>
            </button>
        </div>
    )
}
