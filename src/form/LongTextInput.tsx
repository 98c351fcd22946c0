import type { ReactNode } from 'react'
import { useFormContext } from 'react-hook-form'

import type { FormValues } from '../schema/fieldModel.ts'
import type { FieldRendererProps } from './formTypes.ts'

export function LongTextInput({ resolved, ids, describedBy, invalid }: FieldRendererProps): ReactNode {
    const { register } = useFormContext<FormValues>()
    return (
        <textarea
            id={ids.input}
            className="input"
            rows={5}
            aria-describedby={describedBy || undefined}
            aria-invalid={invalid}
            aria-required={resolved.required}
            {...register(resolved.field.name)}
        />
    )
}
