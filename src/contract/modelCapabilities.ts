/** PostHog's model lookup key: trimmed, lower-cased, without an `anthropic/` prefix. */
export function normalizeModelId(model: string): string {
    return model
        .trim()
        .toLowerCase()
        .replace(/^anthropic\//, '')
}

// PostHog's model catalogue as last read (supportsFastMode, supports1MContext); no Codex model has either.
export const FAST_MODE_MODELS: ReadonlySet<string> = new Set([
    'claude-opus-4-7',
    'claude-opus-4-8',
    'claude-opus-5',
    'claude-opus-5-5',
])

export const ONE_MILLION_CONTEXT_MODELS: ReadonlySet<string> = new Set([
    'claude-opus-4-7',
    'claude-opus-4-8',
    'claude-opus-5',
    'claude-opus-5-5',
    'claude-fable-5',
    'claude-fable-5-1',
    'claude-sonnet-5',
    'claude-sonnet-5-5',
    'claude-sonnet-4-6',
])
