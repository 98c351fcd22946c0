export const REDACTED = '[redacted]'

// PostHog personal keys and project secrets, GitHub tokens, and whatever follows "Bearer".
const TOKEN_PATTERNS: readonly RegExp[] = [
    /\bph[xs]_[A-Za-z0-9_-]+/g,
    /\bgh[pousr]_[A-Za-z0-9_]+/g,
    /\bgithub_pat_[A-Za-z0-9_]+/g,
    /\bBearer\s+[^\s"',;]+/gi,
]

// Applied to every log line: known secrets first, then anything shaped like a token.
export function redact(text: string, secrets: readonly string[] = []): string {
    let result = text
    for (const secret of secrets) {
        if (secret !== '') {
            result = result.split(secret).join(REDACTED)
        }
    }
    for (const pattern of TOKEN_PATTERNS) {
        result = result.replace(pattern, REDACTED)
    }
    return result
}
