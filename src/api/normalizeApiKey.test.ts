import { describe, expect, it } from 'vitest'

import { normalizeApiKey } from './normalizeApiKey.ts'

describe('normalizeApiKey', () => {
    it.each<[string, string]>([
        ['phx_abc123', 'phx_abc123'],
        ['  phx_abc123\n', 'phx_abc123'],
        ['pha_oauthtoken', 'pha_oauthtoken'],
    ])('%j → %s', (input, apiKey) => {
        expect(normalizeApiKey(input)).toEqual({ ok: true, apiKey })
    })

    it.each<[string, RegExp]>([
        ['', /Enter a personal API key/],
        ['phx_abc def', /spaces/],
        ['phc_projecttoken123', /project token/],
        ['phs_secret123', /project secret key/],
        ['phx_é', /characters/],
    ])('refuses %j without echoing it', (input, message) => {
        const result = normalizeApiKey(input)
        expect(result.ok).toBe(false)
        if (result.ok) return
        expect(result.message).toMatch(message)
        if (input.trim() !== '') expect(result.message).not.toContain(input.trim())
    })
})
