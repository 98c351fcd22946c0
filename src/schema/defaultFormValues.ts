import type { FieldModel, FormValues } from './fieldModel.ts'

/** Every field at its schema default ('' or [] when the schema gives none). */
export function defaultFormValues(model: FieldModel): FormValues {
    const values: FormValues = {}
    for (const field of model.fields) {
        values[field.name] = field.defaultValue
    }
    return values
}
