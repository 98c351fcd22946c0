// The model catalogue's lookup key: trimmed, lower-cased, `anthropic/` stripped.
export function toCatalogKey(model: string): string {
    return model
        .trim()
        .toLowerCase()
        .replace(/^anthropic\//, '')
}

// supportsFastMode and supports1MContext of the catalogue (doc §6); no Codex model has either.
export const FAST_MODE_MODELS = new Set(['claude-opus-4-7', 'claude-opus-4-8', 'claude-opus-5', 'claude-opus-5-5'])

export const ONE_MILLION_CONTEXT_MODELS = new Set([
    ...FAST_MODE_MODELS,
    'claude-fable-5',
    'claude-fable-5-1',
    'claude-sonnet-5',
    'claude-sonnet-5-5',
    'claude-sonnet-4-6',
])
