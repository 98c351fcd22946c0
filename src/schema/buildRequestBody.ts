import type { FieldModel, FormValues, RunRequestBody } from './fieldModel.ts'
import type { RuleContext } from './fieldRules.ts'
import { normalizeValue } from './normalizeValue.ts'
import { activeFields } from './resolveFields.ts'

/** The JSON body for POST …/run/: active fields only, blanks omitted, booleans as JSON booleans. */
export function buildRequestBody(model: FieldModel, values: FormValues, context: RuleContext): RunRequestBody {
    const body: RunRequestBody = {}
    for (const { field } of activeFields(model, values, context)) {
        const value = normalizeValue(field, values)
        if (value === undefined) continue
        body[field.name] = field.kind === 'boolean' ? value === 'true' : value
    }
    return body
}
