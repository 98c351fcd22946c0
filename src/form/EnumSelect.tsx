import type { ReactNode } from 'react'
import { useWatch } from 'react-hook-form'

import type { FieldRendererProps } from './formTypes.ts'
import { useRunFormContext } from './runFormContext.ts'

export function EnumSelect({ resolved, name, ids, describedBy, invalid }: FieldRendererProps): ReactNode {
    const { register, control } = useRunFormContext()
    const { options } = resolved
    const current = useWatch({ control, name })
    const value = typeof current === 'string' ? current : ''
    const chosen = options.find((option) => option.value === value)
    // Keep a value the rules no longer allow visible, so the user sees what changed instead of a silent switch.
    const stranded = value !== '' && !chosen
    const descriptionId = `${ids.input}-choice`
    return (
        <>
            <select
                id={ids.input}
                className="input"
                aria-describedby={
                    [describedBy, chosen?.description ? descriptionId : ''].filter(Boolean).join(' ') || undefined
                }
                aria-invalid={invalid}
                aria-required={resolved.required}
                {...register(name)}
            >
                <option value="">{resolved.required ? 'Choose…' : 'Not set (PostHog decides)'}</option>
                {options.map((option) => (
                    <option key={option.value} value={option.value}>
                        {option.label}
                    </option>
                ))}
                {stranded ? <option value={value}>{value} (not available)</option> : null}
            </select>
            {chosen?.description ? (
                <p id={descriptionId} className="choice-description">
                    {chosen.description}
                </p>
            ) : null}
        </>
    )
}
