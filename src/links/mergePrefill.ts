import type { FieldModel, FormValue, FormValues } from '../schema/fieldModel.ts'
import { copyFormValue } from '../schema/formValues.ts'

export interface InitialValueSources {
    /** Decoded link values (decodePrefill(...).values). */
    url?: FormValues | undefined
    /** A restored draft's values, or null/undefined when the user has none or discarded it. */
    draft?: FormValues | null | undefined
    /** Fields the link locked: they take the link's value or the default, never the draft's. */
    locked?: readonly string[] | undefined
}

function pick(source: FormValues | null | undefined, name: string): FormValue | undefined {
    return source && Object.hasOwn(source, name) ? source[name] : undefined
}

/** The form's default values: the link first, then the draft, then the schema defaults; secrets always start empty. */
export function mergeInitialValues(model: FieldModel, sources: InitialValueSources): FormValues {
    const { url, draft, locked = [] } = sources
    const entries: [string, FormValue][] = model.fields.map((field) => {
        const fromUrl = field.sensitive ? undefined : pick(url, field.name)
        const fromDraft = field.sensitive || locked.includes(field.name) ? undefined : pick(draft, field.name)
        return [field.name, copyFormValue(fromUrl ?? fromDraft ?? field.defaultValue)]
    })
    return Object.fromEntries(entries)
}
