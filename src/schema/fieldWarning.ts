import type { FormValues } from './fieldModel.ts'
import { WARNING_RULES } from './fieldRules.ts'
import { readString } from './formValues.ts'

/** The fields that can carry a warning: only these watch the values for one. */
export const WARNING_FIELDS: ReadonlySet<string> = new Set(WARNING_RULES.map((rule) => rule.field))

/** The non-blocking hint to show beside `field` for these values, if a warning rule holds. */
export function fieldWarning(field: string, values: FormValues): string | undefined {
    const rule = WARNING_RULES.find(
        (candidate) =>
            candidate.field === field &&
            readString(values, candidate.when.field) === candidate.when.equals &&
            readString(values, candidate.ifBlank).trim() === ''
    )
    return rule?.message
}
