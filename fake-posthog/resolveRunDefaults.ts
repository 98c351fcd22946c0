// A saved model preference: adapter and model go together; the effort is optional.
export interface AiRunPreference {
    runtime_adapter: 'claude' | 'codex'
    model: string
    reasoning_effort?: string | null
}

export interface RunDefaultsSetting {
    // the caller's own preference for the project; wins as a whole over the team's
    user?: AiRunPreference | null
    team?: AiRunPreference | null
}

export interface ResolvedRunDefaults {
    runtime_adapter: string | null
    model: string | null
    reasoning_effort: string | null
    source: 'user' | 'team' | 'none'
}

const NONE: ResolvedRunDefaults = { runtime_adapter: null, model: null, reasoning_effort: null, source: 'none' }

// The user's triple, else the team's, else none (§4): never mixed.
export function resolveRunDefaults(setting: RunDefaultsSetting): ResolvedRunDefaults {
    for (const source of ['user', 'team'] as const) {
        const preference = setting[source]
        if (preference) {
            return {
                runtime_adapter: preference.runtime_adapter,
                model: preference.model,
                reasoning_effort: preference.reasoning_effort ?? null,
                source,
            }
        }
    }
    return NONE
}

export interface RuntimeSelection {
    runtime_adapter?: string | undefined
    model?: string | undefined
    reasoning_effort?: string | undefined
}

// A body that pins neither adapter nor model takes the defaults; its own effort survives, the default's fills a gap.
export function applyRunDefaults<S extends RuntimeSelection>(settings: S, defaults: ResolvedRunDefaults): S {
    if (settings.runtime_adapter !== undefined || settings.model !== undefined) return settings
    if (defaults.runtime_adapter === null || defaults.model === null) return settings
    const effort = settings.reasoning_effort ?? defaults.reasoning_effort ?? undefined
    return {
        ...settings,
        runtime_adapter: defaults.runtime_adapter,
        model: defaults.model,
        ...(effort === undefined ? {} : { reasoning_effort: effort }),
    }
}

// GET tasks/@me/config/: the stored preference and what it resolves to.
export function myTaskConfigResponse(setting: RunDefaultsSetting): Record<string, unknown> {
    const user = setting.user ?? null
    return {
        ai_run_preferences: {
            runtime_adapter: user?.runtime_adapter ?? null,
            model: user?.model ?? null,
            reasoning_effort: user?.reasoning_effort ?? null,
        },
        resolved_ai_run_defaults: resolveRunDefaults(setting),
        agent_instructions: null,
    }
}
