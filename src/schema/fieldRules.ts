import type { ModelChoice } from '../contract/bundledModelCatalog.ts'
import { FAST_MODE_MODELS, ONE_MILLION_CONTEXT_MODELS } from '../contract/modelCapabilities.ts'
import type { RunDefaults } from './runDefaults.ts'

// The properties the rules below refer to: typed constants, so the rules read as data.
export const FIELD = {
    model: 'model',
    reasoningEffort: 'reasoning_effort',
    runtimeAdapter: 'runtime_adapter',
    initialPermissionMode: 'initial_permission_mode',
    mode: 'mode',
    message: 'pending_user_message',
    artifactIds: 'pending_user_artifact_ids',
    runSource: 'run_source',
    signalReportId: 'signal_report_id',
    prAuthorshipMode: 'pr_authorship_mode',
    githubUserToken: 'github_user_token',
    // Pickers fill these; a live schema without them simply gets no picker.
    resumeFromRunId: 'resume_from_run_id',
    sandboxEnvironmentId: 'sandbox_environment_id',
    branch: 'branch',
    contextWindow: 'context_window',
    fastMode: 'fast_mode',
    relayedMcpServers: 'relayed_mcp_servers',
    claudeModelAccess: 'claude_model_access',
} as const

/** String properties PostHog accepts blank; every other string property refuses a blank value (a blank branch). */
export const BLANK_ALLOWED: ReadonlySet<string> = new Set([FIELD.message])

/**
 * A field PostHog refuses blank but the form may leave out: empty means "leave it to PostHog", while spaces the user
 * typed are refused with what clearing it does, rather than silently dropped.
 */
export interface SpacesOnlyRule {
    field: string
    /** What leaving the field empty means, to finish "clear it to …". */
    whenCleared: string
}

export const SPACES_ONLY_RULES: readonly SpacesOnlyRule[] = [
    { field: FIELD.branch, whenCleared: 'use the repository’s default branch' },
]

/** Sending any of these selects a cloud runtime, and then model and runtime_adapter must both be sent. */
export const RUNTIME_SELECTION: readonly string[] = [
    FIELD.runtimeAdapter,
    FIELD.model,
    FIELD.reasoningEffort,
    FIELD.contextWindow,
    FIELD.fastMode,
]

/** A value PostHog accepts only for the models in `models` (a 1M context window, fast mode). */
export interface ModelCapabilityRule {
    field: string
    value: string
    modelField: string
    models: ReadonlySet<string>
    what: string
}

export const MODEL_CAPABILITY_RULES: readonly ModelCapabilityRule[] = [
    {
        field: FIELD.contextWindow,
        value: '1m',
        modelField: FIELD.model,
        models: ONE_MILLION_CONTEXT_MODELS,
        what: 'a 1M context window',
    },
    { field: FIELD.fastMode, value: 'true', modelField: FIELD.model, models: FAST_MODE_MODELS, what: 'fast mode' },
]

/** A field, or one value of it, that only PostHog Desktop can serve: a browser never offers or sends it. */
export interface DesktopOnlyRule {
    field: string
    /** Only this value is refused; without it, the whole field. */
    value?: string
    reason: string
}

export const DESKTOP_ONLY_RULES: readonly DesktopOnlyRule[] = [
    {
        field: FIELD.relayedMcpServers,
        reason: 'Not offered here: PostHog Desktop relays these servers from the computer it runs on, which a browser cannot do.',
    },
    {
        field: FIELD.claudeModelAccess,
        value: 'own-subscription',
        reason: 'Your own Claude subscription is not offered here: only PostHog Desktop can lend a run its Claude sign-in.',
    },
]

/** The desktop-only rule that refuses this value of this field (or the whole field), if any. */
export function findDesktopOnly(field: string, value?: string): DesktopOnlyRule | undefined {
    return DESKTOP_ONLY_RULES.find((rule) => rule.field === field && (rule.value === undefined || rule.value === value))
}

export interface Condition {
    field: string
    equals: string
}

/** Shows `field` only while `when` holds; a hidden field's value is never validated or sent. */
export interface VisibilityRule {
    field: string
    when: Condition
    requiredWhenShown: boolean
}

/** Restricts an enum to what the chosen model supports (reasoning effort per model). */
export interface EffortRule {
    field: string
    modelField: string
}

/** A value that needs an explicit "I understand" before submit. */
export interface ConfirmationRule {
    field: string
    value: string
    message: string
}

/** While `when` holds, `field` may only take one of `allowed`. */
export interface RestrictionRule {
    field: string
    when: Condition
    allowed: readonly string[]
    message: string
}

/** A non-blocking hint shown beside `field`. */
export interface WarningRule {
    field: string
    when: Condition
    ifBlank: string
    message: string
}

export const VISIBILITY_RULES: readonly VisibilityRule[] = [
    { field: FIELD.signalReportId, when: { field: FIELD.runSource, equals: 'signal_report' }, requiredWhenShown: true },
    { field: FIELD.githubUserToken, when: { field: FIELD.prAuthorshipMode, equals: 'user' }, requiredWhenShown: false },
]

export const EFFORT_RULES: readonly EffortRule[] = [{ field: FIELD.reasoningEffort, modelField: FIELD.model }]

export const CONFIRMATION_RULES: readonly ConfirmationRule[] = [
    {
        field: FIELD.initialPermissionMode,
        value: 'bypassPermissions',
        message: 'I understand the agent will run commands and edit files without asking for permission.',
    },
]

export const RESTRICTION_RULES: readonly RestrictionRule[] = [
    {
        field: FIELD.prAuthorshipMode,
        when: { field: FIELD.runSource, equals: 'signal_report' },
        allowed: ['bot'],
        message:
            'Runs from a signal report always open pull requests as the bot. Choose the bot, or change the run source.',
    },
]

export const WARNING_RULES: readonly WarningRule[] = [
    {
        field: FIELD.message,
        when: { field: FIELD.mode, equals: 'interactive' },
        ifBlank: FIELD.message,
        message: 'Interactive runs without a message start idle until you write to them.',
    },
]

/** What the rules need besides the form values. */
export interface RuleContext {
    models: readonly ModelChoice[]
    /** PostHog's defaults for a body without a model, when connected and one resolves: the model may be left empty. */
    runDefaults?: RunDefaults | undefined
}

/** The form values that decide which fields show and how: watch only these, so typing elsewhere stays cheap. */
export function ruleDependencies(): string[] {
    const names = new Set<string>()
    for (const rule of VISIBILITY_RULES) names.add(rule.when.field)
    for (const rule of EFFORT_RULES) names.add(rule.modelField)
    for (const rule of CONFIRMATION_RULES) names.add(rule.field)
    for (const rule of RESTRICTION_RULES) names.add(rule.when.field)
    for (const rule of MODEL_CAPABILITY_RULES) names.add(rule.modelField)
    return [...names]
}

/** The form key that holds a confirmation checkbox; "$" cannot start a schema property name. */
export function confirmationKey(field: string): string {
    return `$confirm_${field}`
}
