import { useMemo, useState } from 'react'

import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import { mergeInitialValues } from '../links/mergePrefill.ts'
import { carryFormValues } from './carryFormValues.ts'
import { fieldModelKey } from './chooseFieldModel.ts'
import { createValuesChannel, type ValuesChannel } from '../form/valuesChannel.ts'

export interface LinkValues {
    values: FormValues
    locked: readonly string[]
}

export interface FormSeed {
    /** The form's React key: it changes (and the form remounts) only when the fields change. */
    key: string
    /** The form's default values for this mount. */
    values: FormValues
    /** The form's latest values, published by the form. */
    valuesChannel: ValuesChannel
    /** The control that had focus when the form remounted: whoever mounts the new form gives it back. */
    focus: string | undefined
}

interface SeedState {
    model: FieldModel
    key: string
    values: FormValues
    /** The form control that had focus when the form remounted, to give it back. */
    focus: string | undefined
}

function sameFields(a: FieldModel, b: FieldModel): boolean {
    return JSON.stringify(a.fields) === JSON.stringify(b.fields)
}

function focusedControlName(): string | undefined {
    const active = typeof document === 'undefined' ? null : document.activeElement
    return active?.closest('form.run-form') ? (active.getAttribute('name') ?? undefined) : undefined
}

/**
 * What the run form mounts with. A new field model with other fields remounts it, starting from what the user had
 * (carryFormValues) with focus kept; a model with the same fields (a live schema equal to the bundled one) does not.
 */
export function useFormSeed(model: FieldModel, link: LinkValues): FormSeed {
    const [seed, setSeed] = useState<SeedState>(() => ({
        model,
        key: fieldModelKey(model),
        values: mergeInitialValues(model, { url: link.values, locked: link.locked }),
        focus: undefined,
    }))
    const valuesChannel = useMemo(() => createValuesChannel(seed.values), [seed.values])
    if (seed.model !== model) {
        if (sameFields(seed.model, model)) {
            setSeed({ ...seed, model })
        } else {
            const current = valuesChannel.getSnapshot()
            const values = carryFormValues(model, {
                current,
                initial: seed.values,
                url: link.values,
                locked: link.locked,
            })
            setSeed({ model, key: fieldModelKey(model), values, focus: focusedControlName() })
        }
    }

    return useMemo(
        () => ({ key: seed.key, values: seed.values, valuesChannel, focus: seed.focus }),
        [seed.key, seed.values, valuesChannel, seed.focus]
    )
}
