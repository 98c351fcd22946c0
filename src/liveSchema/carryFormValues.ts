import type { Field, FieldModel, FormValue, FormValues } from '../schema/fieldModel.ts'
import { copyFormValue } from '../schema/formValues.ts'

export interface CarrySources {
    /** What the form holds now, typed values and confirmations included. */
    current: FormValues
    /** What the form started with: a value still equal to it was not changed by the user. */
    initial: FormValues
    /** The link decoded for the new model. */
    url: FormValues
    /** Fields the link locked (for the new model): the link's value or the default, never an edit. */
    locked: readonly string[]
}

// A value typed under the old model is kept when the new model's field can hold it as it is.
function fits(field: Field, value: FormValue | undefined): value is FormValue {
    switch (field.kind) {
        case 'text':
        case 'longText':
        case 'secret':
        case 'url':
        case 'uuid':
            return typeof value === 'string'
        case 'enum':
            return typeof value === 'string' && (value === '' || field.options.some((option) => option.value === value))
        case 'boolean':
            return value === '' || value === 'true' || value === 'false'
        case 'stringList':
            return Array.isArray(value) && value.every((item: unknown) => typeof item === 'string')
        case 'objectList':
            return Array.isArray(value) && value.every((item: unknown) => typeof item === 'object')
        case 'constant':
            return value === field.value
    }
}

function pick(source: FormValues, name: string): FormValue | undefined {
    return Object.hasOwn(source, name) ? source[name] : undefined
}

function same(a: FormValue | undefined, b: FormValue | undefined): boolean {
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i])
    return a === b
}

/**
 * The values a form remounted for another field model starts with: what the user changed, then the link decoded
 * for the new model, then its schema default. Values of fields the new model lacks are kept, unsent, in case the
 * model changes back.
 */
export function carryFormValues(model: FieldModel, { current, initial, url, locked }: CarrySources): FormValues {
    const carried: FormValues = { ...current }
    for (const field of model.fields) {
        const value = pick(current, field.name)
        const changed = !same(value, pick(initial, field.name)) && !locked.includes(field.name)
        const linked = field.sensitive ? undefined : pick(url, field.name)
        const kept = changed && fits(field, value) ? value : undefined
        const fromLink = fits(field, linked) ? linked : undefined
        carried[field.name] = copyFormValue(kept ?? fromLink ?? field.defaultValue)
    }
    return carried
}
