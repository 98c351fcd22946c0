import type { Field } from './fieldModel.ts'
import type { ResolvedField } from './resolveFields.ts'

/** A field inside a list row: the cross-field rules speak of top-level properties only, so it stands as compiled. */
export function resolveRowField(field: Field): ResolvedField {
    return {
        field,
        required: field.required,
        options: field.kind === 'enum' ? field.options : [],
        unavailableReason: undefined,
        restrictionMessage: undefined,
        notice: undefined,
        confirmation: undefined,
    }
}
