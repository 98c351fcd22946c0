import type { Field, FieldModel, FormRow, FormValue, FormValues } from './fieldModel.ts'
import { BLANK_ALLOWED, FIELD, RUNTIME_SELECTION, type RuleContext } from './fieldRules.ts'
import { resolveFields } from './resolveFields.ts'
import { validateValues, type FieldIssue } from './validateValues.ts'

type Converted = { ok: true; value: FormValue | undefined } | { ok: false; message: string }

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toRow(itemFields: readonly Field[], raw: Record<string, unknown>): FormRow | string {
    const row: FormRow = {}
    for (const [name, value] of Object.entries(raw)) {
        const field = itemFields.find((candidate) => candidate.name === name)
        if (!field) continue
        const converted = toFormValue(field, value)
        if (!converted.ok) return `${name}: ${converted.message}`
        if (converted.value !== undefined) row[name] = converted.value
    }
    return row
}

/** A JSON value as the form would hold it; null only where the schema allows it, blank only where PostHog does. */
function toFormValue(field: Field, value: unknown): Converted {
    if (value === null) {
        return field.nullable === true
            ? { ok: true, value: undefined }
            : { ok: false, message: 'This may not be null.' }
    }
    switch (field.kind) {
        case 'boolean':
            return typeof value === 'boolean'
                ? { ok: true, value: String(value) }
                : { ok: false, message: 'Must be true or false.' }
        case 'stringList':
            return Array.isArray(value) && value.every((item) => typeof item === 'string')
                ? { ok: true, value }
                : { ok: false, message: 'Must be a list of strings.' }
        case 'objectList': {
            if (!Array.isArray(value) || !value.every(isRecord)) {
                return { ok: false, message: 'Must be a list of objects.' }
            }
            const rows: FormRow[] = []
            for (const raw of value) {
                const row = toRow(field.itemFields, raw)
                if (typeof row === 'string') return { ok: false, message: row }
                rows.push(row)
            }
            return { ok: true, value: rows }
        }
        default:
            if (typeof value !== 'string') return { ok: false, message: 'Must be a string.' }
            if (value.trim() === '' && !BLANK_ALLOWED.has(field.name)) {
                return { ok: false, message: 'This may not be blank.' }
            }
            return { ok: true, value }
    }
}

/**
 * Judges a JSON run request as PostHog's run endpoint does, by the same field model and rules as the form: unknown
 * properties are ignored, null only where the schema allows it, model and runtime_adapter only together and only
 * when a runtime is selected (otherwise PostHog uses its saved defaults).
 */
export function validateRunBody(model: FieldModel, body: unknown, context: RuleContext): FieldIssue[] {
    if (!isRecord(body)) return [{ field: '', message: 'The body must be a JSON object.' }]
    const values: FormValues = {}
    const issues: FieldIssue[] = []
    for (const [name, raw] of Object.entries(body)) {
        const field = model.byName.get(name)
        if (!field) continue
        const converted = toFormValue(field, raw)
        if (!converted.ok) issues.push({ field: name, message: converted.message })
        else if (converted.value !== undefined) values[name] = converted.value
    }
    const selectsRuntime = RUNTIME_SELECTION.some((name) => Object.hasOwn(values, name))
    const pair = [FIELD.runtimeAdapter, FIELD.model]
    for (const name of pair) {
        if (selectsRuntime && !Object.hasOwn(values, name)) {
            issues.push({ field: name, message: 'This is required when selecting a cloud runtime.' })
        }
    }
    // A value the form would not offer (an effort for a model without efforts) is sent here, so it is refused.
    for (const { field, unavailableReason } of resolveFields(model, values, context)) {
        if (
            unavailableReason !== undefined &&
            Object.hasOwn(values, field.name) &&
            !issues.some((i) => i.field === field.name)
        ) {
            issues.push({ field: field.name, message: unavailableReason })
        }
    }
    const judged = validateValues(model, values, context).filter(
        // Confirmations are the form's own; without a runtime selection PostHog fills in model and adapter.
        (issue) => !issue.field.startsWith('$') && (selectsRuntime || !pair.some((name) => name === issue.field))
    )
    return [...issues, ...judged.filter((issue) => !issues.some((known) => known.field === issue.field))]
}
