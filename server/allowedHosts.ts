// Host names a loopback-bound launcher answers to when ALLOWED_HOSTS is not set.
export const LOOPBACK_HOST_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const

export type AllowedHostResult = { ok: true; host: string } | { ok: false }

// "name" or "name:port" as it appears in a Host header: lower-case, IPv6 in brackets, no scheme or path.
export function parseAllowedHost(entry: string): AllowedHostResult {
    const lower = entry.toLowerCase()
    const parsed = readHost(lower)
    if (parsed === null || parsed.hostname === '' || lower.includes('*')) {
        return { ok: false }
    }
    const explicitPort = /^(?:\[[^\]]*\]|[^:]*):(\d{1,5})$/.exec(lower)?.[1]
    if (explicitPort !== undefined && Number(explicitPort) > 65535) {
        return { ok: false }
    }
    // the URL parser drops :80, so the port comes from the entry itself
    const host = explicitPort === undefined ? parsed.hostname : `${parsed.hostname}:${String(Number(explicitPort))}`
    // anything the parser rewrote (127.1, a trailing :0080, non-ASCII) is refused rather than guessed
    return host === lower ? { ok: true, host } : { ok: false }
}

// Whether a request's Host header names one of the allowed hosts; an entry without a port allows any port.
export function isHostAllowed(hostHeader: string | undefined, allowed: readonly string[]): boolean {
    if (hostHeader === undefined) {
        return false
    }
    const lower = hostHeader.trim().toLowerCase()
    const parsed = readHost(lower)
    if (parsed === null) {
        return false
    }
    const port = parsed.port === '' ? '80' : parsed.port
    return allowed.some((entry) => entry === parsed.hostname || entry === `${parsed.hostname}:${port}`)
}

function readHost(text: string): { hostname: string; port: string } | null {
    if (text === '' || /[/?#@\\\s]/.test(text)) {
        return null
    }
    try {
        const url = new URL(`http://${text}`)
        return { hostname: url.hostname, port: url.port }
    } catch {
        return null
    }
}
