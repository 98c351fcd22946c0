import type { ReactNode } from 'react'

import type { FieldRendererProps } from './formTypes.ts'
import { useRunFormContext } from './runFormContext.ts'

const CHOICES = [
    { value: '', label: 'PostHog default' },
    { value: 'true', label: 'Yes' },
    { value: 'false', label: 'No' },
] as const

/** Optional booleans have three states: leaving it to the server differs from an explicit "no". */
export function BooleanChoice({ resolved, name, ids, describedBy, invalid }: FieldRendererProps): ReactNode {
    const { register } = useRunFormContext()
    const { field } = resolved
    const choices = field.kind === 'boolean' && field.defaultValue !== '' ? CHOICES.slice(1) : CHOICES
    return (
        <div className="choices">
            {choices.map((choice, index) => (
                <label key={choice.value} className="choice">
                    <input
                        type="radio"
                        value={choice.value}
                        id={index === 0 ? ids.input : undefined}
                        aria-describedby={describedBy || undefined}
                        aria-invalid={invalid}
                        {...register(name)}
                    />
                    {choice.label}
                </label>
            ))}
        </div>
    )
}
