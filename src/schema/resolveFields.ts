import { normalizeModelId } from '../contract/modelCapabilities.ts'
import type { EnumOption, Field, FieldModel, FormValues } from './fieldModel.ts'
import {
    CONFIRMATION_RULES,
    DESKTOP_ONLY_RULES,
    FIELD,
    confirmationKey,
    EFFORT_RULES,
    RESTRICTION_RULES,
    type Condition,
    type ConfirmationRule,
    type RuleContext,
    VISIBILITY_RULES,
} from './fieldRules.ts'
import { readString } from './formValues.ts'
import { defaultsReason, isDecidedByDefaults, usesRunDefaults } from './runDefaults.ts'

/** A field as it stands for the current values: what to offer, whether it is needed, whether it can be used. */
export interface ResolvedField {
    field: Field
    required: boolean
    /** For enums: the options that may be chosen now (a subset of field.options). */
    options: readonly EnumOption[]
    /** Set when the field is shown but cannot take a value now; its value is not sent. */
    unavailableReason: string | undefined
    /** Why a value outside `options` is refused, said so the user knows what to pick. */
    restrictionMessage: string | undefined
    /** One line about a choice that is not offered here, e.g. a value only PostHog Desktop can serve. */
    notice: string | undefined
    /** Set when the current value needs an explicit confirmation. */
    confirmation: { key: string; message: string } | undefined
}

function holds(condition: Condition, values: FormValues): boolean {
    return readString(values, condition.field) === condition.equals
}

function isShown(field: Field, values: FormValues): boolean {
    return VISIBILITY_RULES.every((rule) => rule.field !== field.name || holds(rule.when, values))
}

function isRequired(field: Field, context: RuleContext): boolean {
    // With a resolved default, an empty model means PostHog's default; without one the schema's word stands.
    if (field.name === FIELD.model && context.runDefaults !== undefined) return false
    return field.required || VISIBILITY_RULES.some((rule) => rule.field === field.name && rule.requiredWhenShown)
}

function effortOptions(
    field: Field,
    values: FormValues,
    context: RuleContext
): { options: readonly EnumOption[]; unavailableReason: string | undefined; message: string } | undefined {
    const rule = EFFORT_RULES.find((candidate) => candidate.field === field.name)
    if (!rule || field.kind !== 'enum') return undefined
    const model = readString(values, rule.modelField).trim()
    if (model === '') {
        return {
            options: [],
            unavailableReason: 'Choose a model first: the efforts on offer depend on it.',
            message: '',
        }
    }
    // PostHog allows no effort at all for a model it does not know.
    const key = normalizeModelId(model)
    const supported = context.models.find((choice) => normalizeModelId(choice.model) === key)?.supportedEfforts ?? []
    const options = field.options.filter((option) => supported.includes(option.value))
    if (options.length === 0) {
        return { options, unavailableReason: `${model} has no reasoning effort control, so none is sent.`, message: '' }
    }
    const labels = options.map((option) => option.label.toLowerCase()).join(', ')
    const message = `${model} supports only these efforts: ${labels}. Choose one of them, or leave it empty.`
    return { options, unavailableReason: undefined, message }
}

/** While the model is left to PostHog, its companions are not sent (any of them would select a runtime). */
function leftToDefaults(
    field: Field,
    values: FormValues,
    context: RuleContext
): { options: readonly EnumOption[]; unavailableReason: string; message: string } | undefined {
    const { runDefaults } = context
    if (!runDefaults || !isDecidedByDefaults(field) || !usesRunDefaults(values, runDefaults)) return undefined
    return { options: [], unavailableReason: defaultsReason(field, runDefaults), message: '' }
}

function findConfirmation(field: Field, values: FormValues): ConfirmationRule | undefined {
    return CONFIRMATION_RULES.find((rule) => rule.field === field.name && readString(values, field.name) === rule.value)
}

function restriction(
    field: Field,
    values: FormValues
): { options: readonly EnumOption[]; unavailableReason: undefined; message: string } | undefined {
    if (field.kind !== 'enum') return undefined
    const rule = RESTRICTION_RULES.find((candidate) => candidate.field === field.name && holds(candidate.when, values))
    return rule
        ? {
              options: field.options.filter((option) => rule.allowed.includes(option.value)),
              unavailableReason: undefined,
              message: rule.message,
          }
        : undefined
}

/** Resolves the model against the current values: the fields to show, in order, each with its current state. */
export function resolveFields(model: FieldModel, values: FormValues, context: RuleContext): ResolvedField[] {
    const resolved: ResolvedField[] = []
    for (const field of model.fields) {
        if (!isShown(field, values)) continue
        const byDefaults = leftToDefaults(field, values, context)
        const narrowed = byDefaults ?? effortOptions(field, values, context) ?? restriction(field, values)
        const confirmation = findConfirmation(field, values)
        const desktopOnly = DESKTOP_ONLY_RULES.filter((rule) => rule.field === field.name)
        const wholeField = desktopOnly.find((rule) => rule.value === undefined)
        const refusedValues = new Set(desktopOnly.map((rule) => rule.value))
        const options = narrowed?.options ?? (field.kind === 'enum' ? field.options : [])
        const offered = options.filter((option) => !refusedValues.has(option.value))
        const notice = desktopOnly.find((rule) => options.some((option) => option.value === rule.value))?.reason
        resolved.push({
            field,
            required: isRequired(field, context),
            options: offered,
            unavailableReason: wholeField?.reason ?? narrowed?.unavailableReason,
            restrictionMessage: notice ?? narrowed?.message,
            notice,
            confirmation: confirmation
                ? { key: confirmationKey(field.name), message: confirmation.message }
                : undefined,
        })
    }
    return resolved
}

/** The fields whose values go into the request: shown and usable. */
export function activeFields(model: FieldModel, values: FormValues, context: RuleContext): ResolvedField[] {
    return resolveFields(model, values, context).filter((entry) => entry.unavailableReason === undefined)
}
