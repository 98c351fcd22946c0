const JSON_LIKE = /^application\/(?:[\w.-]+\+)?json(?:\s*;|$)/i
const OPENAPI = /^application\/vnd\.oai\.openapi(?:\+json)?(?:\s*;|$)/i
const PLAIN = 'text/plain; charset=utf-8'

// Only types the browser will never render as a document on the app's origin; anything else becomes plain text.
export function toSafeContentType(upstream: string | null): string {
    const value = upstream?.trim() ?? ''
    if (JSON_LIKE.test(value) || OPENAPI.test(value)) {
        return value
    }
    return PLAIN
}
