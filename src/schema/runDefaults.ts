import type { ModelChoice } from '../contract/bundledModelCatalog.ts'
import { normalizeModelId } from '../contract/modelCapabilities.ts'
import type { Field, FormValues } from './fieldModel.ts'
import { FIELD, RUNTIME_SELECTION } from './fieldRules.ts'
import { readString } from './formValues.ts'

/** What PostHog runs with when a body selects no runtime (tasks/@me/config/'s resolved_ai_run_defaults, §4). */
export interface RunDefaults {
    runtimeAdapter: string
    model: string
    reasoningEffort: string | undefined
    /** Whose saved preference it is: the user's own for this project, or the project's. */
    source: 'user' | 'team'
}

/** True when the model is left to PostHog: a default resolves and no model is chosen, so no runtime is sent. */
export function usesRunDefaults(values: FormValues, runDefaults: RunDefaults | undefined): boolean {
    return runDefaults !== undefined && readString(values, FIELD.model).trim() === ''
}

/** A field that PostHog's default decides while the model is left to it: the model and its companions. */
export function isDecidedByDefaults(field: Field): boolean {
    return RUNTIME_SELECTION.includes(field.name) && field.name !== FIELD.model
}

/** Why a runtime field is not sent while PostHog's default model is used, saying what PostHog will use. */
export function defaultsReason(field: Field, runDefaults: RunDefaults): string {
    if (field.name === FIELD.runtimeAdapter) return `PostHog’s default decides this: ${runDefaults.runtimeAdapter}.`
    if (field.name === FIELD.reasoningEffort) {
        return runDefaults.reasoningEffort === undefined
            ? 'PostHog’s default sets no effort. Choose a model to set one.'
            : `PostHog’s default decides this: ${runDefaults.reasoningEffort}. Choose a model to set another.`
    }
    return 'PostHog’s default model decides this. Choose a model to set it.'
}

/** "PostHog's default (Claude Sonnet 4.6 · medium)": the model by its catalogue name, with the default's effort. */
export function runDefaultsLabel(runDefaults: RunDefaults, models: readonly ModelChoice[]): string {
    const key = normalizeModelId(runDefaults.model)
    const name = models.find((choice) => normalizeModelId(choice.model) === key)?.displayName ?? runDefaults.model
    const parts = [name, runDefaults.reasoningEffort].filter((part) => part !== undefined)
    const whose = runDefaults.source === 'user' ? 'your saved default' : 'the project’s default'
    return `PostHog’s default (${parts.join(' · ')}), ${whose}`
}
