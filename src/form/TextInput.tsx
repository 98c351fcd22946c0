import type { ReactNode } from 'react'

import type { FieldRendererProps } from './formTypes.ts'
import { useRunFormContext } from './runFormContext.ts'
import { PickerInput } from './PickerInput.tsx'

const UUID_PLACEHOLDER = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'

/** Single-line text and uuid fields; a picker, when the app supplies one, offers choices instead of typing. */
export function TextInput(props: FieldRendererProps): ReactNode {
    const { resolved, name, ids, describedBy, invalid, picker } = props
    const { register } = useRunFormContext()
    const { field } = resolved
    if (picker) {
        return <PickerInput {...props} picker={picker} />
    }
    const isUuid = field.kind === 'uuid'
    return (
        <input
            id={ids.input}
            type={field.kind === 'url' ? 'url' : 'text'}
            className={isUuid ? 'input mono' : 'input'}
            autoComplete="off"
            spellCheck={false}
            placeholder={isUuid ? UUID_PLACEHOLDER : undefined}
            aria-describedby={describedBy || undefined}
            aria-invalid={invalid}
            aria-required={resolved.required}
            {...register(name)}
        />
    )
}
