import { useDeferredValue, useSyncExternalStore, type ComponentType, type ReactNode, type Ref } from 'react'

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
    const published = useSyncExternalStore(binding.subscribe, binding.getSnapshot)
    // What only changes what the form shows (pickers, models, defaults, target) renders at low priority, so a keystroke
    // while PostHog's answers arrive goes first. A remount (new key) and what a submit acts on are taken at once.
    const shown = useDeferredValue(published)
    const current =
        shown.key === published.key
            ? {
                  ...shown,
                  submitting: published.submitting,
                  serverErrors: published.serverErrors,
                  onSubmit: published.onSubmit,
                  onInvalid: published.onInvalid,
                  onValuesChange: published.onValuesChange,
              }
            : published
    const { key, focus, ...formProps } = current
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
