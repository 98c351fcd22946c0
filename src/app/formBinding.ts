import { BUNDLED_MODELS } from '../contract/bundledModelCatalog.ts'
import type { RunFormProps } from '../form/RunForm.tsx'
import type { DecodedPrefill } from '../links/prefillCodec.ts'
import { modelPicker } from '../pickers/modelPicker.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import type { FormValues } from '../schema/fieldModel.ts'
import { FIELD } from '../schema/fieldRules.ts'

/**
 * What the run form mounts with, as plain data: the launcher publishes it through a store when its inputs change.
 * What the launcher shows inside the form (notices, attachments) goes through portals into the form's slots instead.
 */
export type FormBinding = Omit<RunFormProps, 'ref' | 'slots' | 'preview' | 'progressive' | 'focusField'> & {
    /** The form's React key: a model with other fields remounts it. */
    key: string
    /** A control to focus once the form with this key has mounted (it remounted under the user's fingers). */
    focus?: string | undefined
}

/** The slot below the form and its panels, where the launcher shows the recent runs. */
export const BELOW_FORM_SLOT = 'below-form'

/** The form as it mounts before the launcher has loaded: the bundled schema, the link's values, nothing remote. */
export function initialBinding(
    prefill: DecodedPrefill,
    defaultValues: FormValues,
    onSubmit: () => void,
    onValuesChange: ((values: FormValues) => void) | undefined
): FormBinding {
    return {
        key: 'bundled',
        model: BUNDLED_FIELD_MODEL,
        context: { models: BUNDLED_MODELS },
        defaultValues,
        lockedFields: new Set(prefill.locked),
        pickers: new Map([[FIELD.model, modelPicker(BUNDLED_MODELS)]]),
        target: {
            host: prefill.connection.host ?? '',
            projectId: prefill.connection.projectId ?? '',
            taskId: prefill.connection.taskId ?? '',
        },
        onSubmit,
        onValuesChange,
    }
}
