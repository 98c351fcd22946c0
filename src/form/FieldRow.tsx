import { memo, useId, type ReactNode } from 'react'
import { useFormState } from 'react-hook-form'

import { WARNING_FIELDS } from '../schema/fieldWarning.ts'
import type { ResolvedField } from '../schema/resolveFields.ts'
import { FieldWarning } from './FieldWarning.tsx'
import { FIELD_RENDERERS } from './fieldRenderers.ts'
import { useRunFormContext } from './runFormContext.ts'
import { FieldShell } from './FieldShell.tsx'
import type { FieldPicker } from './formTypes.ts'
import { LockedValue } from './LockedValue.tsx'

interface FieldRowProps {
    resolved: ResolvedField
    locked: boolean
    picker: FieldPicker | undefined
    /** Where the app may render extra UI under the field with a portal (see formSlots.ts). */
    slot?: ((element: HTMLElement | null) => void) | undefined
}

/** One field: the shell, the kind's renderer (or its locked/unavailable stand-in), and any confirmation. */
export const FieldRow = memo(function FieldRow({ resolved, locked, picker, slot }: FieldRowProps): ReactNode {
    const { field } = resolved
    const renderer = FIELD_RENDERERS[field.kind]
    const help = resolved.unavailableReason ?? [field.help, resolved.notice].filter(Boolean).join(' ')
    const usesLegend = renderer.labelled === 'legend' && !locked && resolved.unavailableReason === undefined
    return (
        <FieldShell
            name={field.name}
            label={field.label}
            help={locked ? `${help} Locked by the link you opened.`.trim() : help}
            required={resolved.required && resolved.unavailableReason === undefined}
            labelled={usesLegend ? 'legend' : 'label'}
            extra={
                <>
                    {resolved.confirmation && !locked ? <Confirmation confirmation={resolved.confirmation} /> : null}
                    {locked || !WARNING_FIELDS.has(field.name) ? null : <FieldWarning name={field.name} />}
                    {locked || !slot ? null : <div className="form-slot" ref={slot} />}
                </>
            }
        >
            {({ ids, describedBy, invalid }) =>
                locked || resolved.unavailableReason !== undefined ? (
                    <LockedValue resolved={resolved} ids={ids} describedBy={describedBy} unavailable={!locked} />
                ) : (
                    <renderer.component
                        resolved={resolved}
                        name={field.name}
                        ids={ids}
                        describedBy={describedBy}
                        invalid={invalid}
                        picker={picker}
                    />
                )
            }
        </FieldShell>
    )
})

function Confirmation({ confirmation }: { confirmation: { key: string; message: string } }): ReactNode {
    const { register, control } = useRunFormContext()
    const { errors } = useFormState({ control, name: confirmation.key })
    const error = errors[confirmation.key]?.message
    const errorId = useId()
    return (
        <div className="confirmation">
            <label>
                <input
                    type="checkbox"
                    aria-describedby={typeof error === 'string' ? errorId : undefined}
                    aria-invalid={typeof error === 'string'}
                    {...register(confirmation.key)}
                />
                {confirmation.message}
            </label>
            {typeof error === 'string' ? (
                <p id={errorId} className="field-error" role="alert">
                    {error}
                </p>
            ) : null}
        </div>
    )
}
