import { useId, type ReactNode } from 'react'
import { get, useFormState } from 'react-hook-form'

import type { FieldIds } from './formTypes.ts'
import { useRunFormContext } from './runFormContext.ts'

interface FieldShellProps {
    /** The form path of the value (list.row.property inside a list). */
    name: string
    label: string
    help: string
    required: boolean
    /** Radio groups label themselves with a legend; everything else with a label element. */
    labelled: 'label' | 'legend'
    children: (props: { ids: FieldIds; describedBy: string; invalid: boolean }) => ReactNode
    extra?: ReactNode
}

/** Accessibility wired once: label, help and error ids, aria-describedby, aria-invalid, announced errors. */
export function FieldShell({ name, label, help, required, labelled, children, extra }: FieldShellProps): ReactNode {
    const id = useId()
    const ids: FieldIds = { input: `${id}-input`, help: `${id}-help`, error: `${id}-error` }
    const { control } = useRunFormContext()
    const { errors } = useFormState({ control, name })
    // A row's field is nested in the errors (list.0.url), so read it by path.
    const error: unknown = get(errors, `${name}.message`)
    const invalid = typeof error === 'string'
    const describedBy = [invalid ? ids.error : '', help ? ids.help : ''].filter(Boolean).join(' ')
    const caption = (
        <>
            {label}
            {required ? <span className="required-mark"> (required)</span> : null}
        </>
    )
    const body = (
        <>
            {children({ ids, describedBy, invalid })}
            {invalid ? (
                <p id={ids.error} className="field-error" role="alert">
                    {error}
                </p>
            ) : null}
            {help ? (
                <p id={ids.help} className="field-help">
                    {help}
                </p>
            ) : null}
            {extra}
        </>
    )
    if (labelled === 'legend') {
        return (
            <fieldset className="field field-set" data-field={name}>
                <legend className="field-label">{caption}</legend>
                {body}
            </fieldset>
        )
    }
    return (
        <div className="field" data-field={name}>
            <label className="field-label" htmlFor={ids.input}>
                {caption}
            </label>
            {body}
        </div>
    )
}
