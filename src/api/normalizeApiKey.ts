export type ApiKeyResult = { ok: true; apiKey: string } | { ok: false; message: string }

// Messages never echo the key: they may end up on screen or in a bug report.
export function normalizeApiKey(input: string): ApiKeyResult {
    const apiKey = input.trim()
    if (apiKey === '') return { ok: false, message: 'Enter a personal API key (it starts with phx_).' }
    if (/\s/.test(apiKey)) return { ok: false, message: 'The key contains spaces or line breaks. Copy it again.' }
    if (apiKey.startsWith('phc_')) {
        return {
            ok: false,
            message:
                'This is a project token (phc_…), which can only send events. Create a personal API key (phx_…) with the task:read and task:write scopes.',
        }
    }
    if (apiKey.startsWith('phs_')) {
        return {
            ok: false,
            message:
                'This is a project secret key (phs_…). Create a personal API key (phx_…) with the task:read and task:write scopes.',
        }
    }
    // Header values must be Latin-1; fetch would throw before sending anything.
    if (!/^[\x21-\x7e]+$/.test(apiKey))
        return { ok: false, message: 'The key has characters a PostHog key never has. Copy it again.' }
    return { ok: true, apiKey }
}
