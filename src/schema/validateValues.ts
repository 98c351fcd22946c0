import { fieldValidator } from './buildFieldValidator.ts'
import type { Field, FieldModel, FormRow, FormValues } from './fieldModel.ts'
import { normalizeModelId } from '../contract/modelCapabilities.ts'
import { MODEL_CAPABILITY_RULES, type RuleContext, SPACES_ONLY_RULES } from './fieldRules.ts'
import { readFlag, readRows, readString } from './formValues.ts'
import { isBlankRow, normalizeValue } from './normalizeValue.ts'
import { resolveFields } from './resolveFields.ts'

export interface FieldIssue {
    /** A form path (a property name, or name.row.property inside a list), or a confirmation key. */
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

/** The problems of one field's value, at `path`; inside a list, each row's own fields at path.row.name. */
function checkField(field: Field, required: boolean, values: FormValues | FormRow, path: string, issues: FieldIssue[]) {
    const value = normalizeValue(field, values)
    if (value === undefined) {
        if (required) issues.push({ field: path, message: requiredMessage(field) })
        return
    }
    const result = fieldValidator(field).safeParse(value)
    if (!result.success) {
        issues.push({ field: path, message: result.error.issues[0]?.message ?? 'This value is not valid.' })
        return
    }
    if (field.kind !== 'objectList') return
    readRows(values, field.name).forEach((row, index) => {
        if (isBlankRow(field.itemFields, row)) return
        for (const itemField of field.itemFields) {
            checkField(itemField, itemField.required, row, `${path}.${index}.${itemField.name}`, issues)
        }
    })
}

/** Every problem with the values that PostHog's server would refuse, in field order. Hidden fields are skipped. */
export function validateValues(model: FieldModel, values: FormValues, context: RuleContext): FieldIssue[] {
    const issues: FieldIssue[] = []
    for (const resolved of resolveFields(model, values, context)) {
        const { field } = resolved
        if (resolved.unavailableReason !== undefined) continue
        const spacesOnly = SPACES_ONLY_RULES.find((rule) => rule.field === field.name)
        const raw = readString(values, field.name)
        if (spacesOnly && raw !== '' && raw.trim() === '') {
            issues.push({
                field: field.name,
                message: `${field.label} can’t be only spaces: clear it to ${spacesOnly.whenCleared}.`,
            })
            continue
        }
        const value = normalizeValue(field, values)
        const before = issues.length
        checkField(field, resolved.required, values, field.name, issues)
        if (value === undefined || issues.length > before) continue
        const allowed = field.kind !== 'enum' || resolved.options.some((option) => option.value === value)
        if (!allowed) {
            issues.push({ field: field.name, message: resolved.restrictionMessage ?? 'Choose another value.' })
            continue
        }
        const capability = MODEL_CAPABILITY_RULES.find((rule) => rule.field === field.name && rule.value === value)
        const model = capability ? readString(values, capability.modelField).trim() : ''
        if (capability && model !== '' && !capability.models.has(normalizeModelId(model))) {
            issues.push({
                field: field.name,
                message: `${model} does not offer ${capability.what}. Leave it to PostHog.`,
            })
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
