import { useSyncExternalStore, type ComponentType, type ReactNode, type Ref } from 'react'

import type { FormSlots } from '../form/formSlots.ts'
import type { RequestPreviewProps } from '../form/RequestPreview.tsx'
import { RunForm, type RunFormHandle } from '../form/RunForm.tsx'
import type { Store } from '../lib/createStore.ts'
import type { FormBinding } from './formBinding.ts'

interface BoundRunFormProps {
    binding: Store<FormBinding>
    slots: FormSlots
    preview: ComponentType<RequestPreviewProps>
    ref: Ref<RunFormHandle>
}

/** The run form as the launcher last published it; only this re-renders when it does, not the shell. */
export function BoundRunForm({ binding, slots, preview, ref }: BoundRunFormProps): ReactNode {
    const { key, focus, ...formProps } = useSyncExternalStore(binding.subscribe, binding.getSnapshot)
    // progressive unless a control must get its focus back after a remount
    return (
        <RunForm
            key={key}
            ref={ref}
            slots={slots}
            preview={preview}
            progressive={focus === undefined}
            focusField={focus}
            {...formProps}
        />
    )
}
