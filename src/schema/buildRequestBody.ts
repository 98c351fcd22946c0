import type { Field, FieldModel, FormRow, FormValues, JsonValue, RunRequestBody } from './fieldModel.ts'
import type { RuleContext } from './fieldRules.ts'
import { normalizeValue, type NormalValue } from './normalizeValue.ts'
import { activeFields } from './resolveFields.ts'

function rowToJson(itemFields: readonly Field[], row: FormRow): Record<string, JsonValue> {
    const json: Record<string, JsonValue> = {}
    for (const field of itemFields) {
        const value = normalizeValue(field, row)
        if (value !== undefined) json[field.name] = toJson(field, value)
    }
    return json
}

/** A normalised form value as JSON: booleans as JSON booleans, rows as objects, at any depth. */
export function toJson(field: Field, value: NormalValue): JsonValue {
    if (field.kind === 'boolean') return value === 'true'
    if (field.kind === 'objectList' && Array.isArray(value)) {
        return value.flatMap((row) => (typeof row === 'string' ? [] : [rowToJson(field.itemFields, row)]))
    }
    return typeof value === 'string' ? value : value.filter((item) => typeof item === 'string')
}

/** The JSON body for POST …/run/: active fields only, blanks omitted, booleans as JSON booleans. */
export function buildRequestBody(model: FieldModel, values: FormValues, context: RuleContext): RunRequestBody {
    const body: RunRequestBody = {}
    for (const { field } of activeFields(model, values, context)) {
        const value = normalizeValue(field, values)
        if (value === undefined) continue
        body[field.name] = toJson(field, value)
    }
    return body
}
