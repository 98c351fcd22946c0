import { fieldValidator } from './buildFieldValidator.ts'
import type { Field, FieldModel, FormValues } from './fieldModel.ts'
import type { RuleContext } from './fieldRules.ts'
import { readFlag } from './formValues.ts'
import { normalizeValue } from './normalizeValue.ts'
import { resolveFields } from './resolveFields.ts'

export interface FieldIssue {
    /** A property name, or a confirmation key. */
    field: string
    message: string
}

function requiredMessage(field: Field): string {
    // Lower-case the first letter for mid-sentence use, unless it starts an acronym such as PR.
    const what = /^[A-Z]{2}/.test(field.label)
        ? field.label
        : field.label.charAt(0).toLowerCase() + field.label.slice(1)
    return field.kind === 'enum' ? `Choose a ${what}.` : `Enter a ${what}: it is required.`
}

/** Every problem with the values that PostHog's server would refuse, in field order. Hidden fields are skipped. */
export function validateValues(model: FieldModel, values: FormValues, context: RuleContext): FieldIssue[] {
    const issues: FieldIssue[] = []
    for (const resolved of resolveFields(model, values, context)) {
        const { field } = resolved
        if (resolved.unavailableReason !== undefined) continue
        const value = normalizeValue(field, values)
        if (value === undefined) {
            if (resolved.required) issues.push({ field: field.name, message: requiredMessage(field) })
            continue
        }
        const result = fieldValidator(field).safeParse(value)
        if (!result.success) {
            issues.push({ field: field.name, message: result.error.issues[0]?.message ?? 'This value is not valid.' })
            continue
        }
        const allowed = field.kind !== 'enum' || resolved.options.some((option) => option.value === value)
        if (!allowed) {
            issues.push({ field: field.name, message: resolved.restrictionMessage ?? 'Choose another value.' })
            continue
        }
        if (resolved.confirmation && !readFlag(values, resolved.confirmation.key)) {
            issues.push({
                field: resolved.confirmation.key,
                message: 'Tick the box to confirm, or choose another mode.',
            })
        }
    }
    return issues
}
