import { useState, type ReactNode } from 'react'
import { useWatch } from 'react-hook-form'

import type { FieldPicker, FieldRendererProps } from './formTypes.ts'
import { useRunFormContext } from './runFormContext.ts'

type PickerInputProps = FieldRendererProps & { picker: FieldPicker }

/** A list to pick from, with a manual-entry fallback that is always one click away. */
export function PickerInput({ resolved, name, ids, describedBy, invalid, picker }: PickerInputProps): ReactNode {
    const { register, control } = useRunFormContext()
    const { field } = resolved
    const current = useWatch({ control, name })
    const value = typeof current === 'string' ? current : ''
    const options = picker.status === 'ready' ? picker.options : []
    const known = value === '' || options.some((option) => option.value === value)
    const [manual, setManual] = useState(false)
    // A value that is not in the list (pasted, prefilled, or the list failed) can only be shown as typed text.
    const typing = manual || picker.status !== 'ready' || options.length === 0 || !known
    const inputProps = {
        id: ids.input,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': invalid,
        'aria-required': resolved.required,
        ...register(name),
    }
    return (
        <div className="picker">
            {typing ? (
                <input
                    type="text"
                    className={field.kind === 'uuid' ? 'input mono' : 'input'}
                    autoComplete="off"
                    spellCheck={false}
                    {...inputProps}
                />
            ) : (
                <select className="input" {...inputProps}>
                    <option value="">{picker.placeholder}</option>
                    {options.map((option) => (
                        <option key={option.value} value={option.value}>
                            {option.detail ? `${option.label} — ${option.detail}` : option.label}
                        </option>
                    ))}
                </select>
            )}
            <div className="picker-status">
                {picker.status === 'loading' ? <span role="status">Loading {picker.label}…</span> : null}
                {picker.status === 'error' ? (
                    <span role="status">
                        Could not load {picker.label}: {picker.message}{' '}
                        {picker.retry ? (
                            <button type="button" className="link-button" onClick={picker.retry}>
                                Try again
                            </button>
                        ) : null}
                    </span>
                ) : null}
                {picker.status === 'ready' && options.length === 0 ? (
                    <span role="status">{picker.emptyMessage}</span>
                ) : null}
                {picker.status === 'ready' && options.length > 0 && known ? (
                    <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                            setManual(!manual)
                        }}
                    >
                        {manual ? `Pick from ${picker.label}` : 'Enter it by hand'}
                    </button>
                ) : null}
            </div>
        </div>
    )
}
