export const US_CLOUD = 'https://us.posthog.com'
export const EU_CLOUD = 'https://eu.posthog.com'
/** What a link may name when no server said which hosts it allows (static hosting, the dev server). */
export const CLOUD_HOSTS: readonly string[] = [US_CLOUD, EU_CLOUD]

export type HostResult = { ok: true; host: string; projectId?: string } | { ok: false; message: string }

const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]'])
// The legacy US app domain redirects, and a redirected CORS preflight fails: go straight to US Cloud.
const ALIASES: ReadonlyMap<string, string> = new Map([['app.posthog.com', US_CLOUD]])
const WEBSITE_HOSTS: ReadonlySet<string> = new Set(['posthog.com', 'www.posthog.com'])
const INGESTION_HOST = /^(?:(us|eu)\.)?i\.posthog\.com$|^(us|eu)-assets\.i\.posthog\.com$/
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i

function withScheme(input: string): string {
    if (SCHEME.test(input)) return input
    // Bare local addresses are dev servers, which speak http.
    const local = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?:\/|$)/i.test(input)
    return `${local ? 'http' : 'https'}://${input}`
}

function parseUrl(input: string): URL | undefined {
    try {
        return new URL(withScheme(input))
    } catch {
        return undefined
    }
}

/** The PostHog origin from what the user typed or pasted (an app URL works too: its project id is kept). */
export function normalizeHost(input: string): HostResult {
    const trimmed = input.trim()
    if (trimmed === '') return { ok: false, message: 'Enter the address of your PostHog instance.' }
    const url = parseUrl(trimmed)
    if (!url || url.hostname === '') {
        return { ok: false, message: 'This is not a web address. Enter something like https://posthog.example.com.' }
    }
    if (url.username !== '' || url.password !== '') {
        return { ok: false, message: 'Remove the user name and password from the address.' }
    }
    const local = LOCAL_HOSTS.has(url.hostname)
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
        return { ok: false, message: 'Use an https:// address (http:// works only for localhost).' }
    }
    const ingestion = INGESTION_HOST.exec(url.hostname)
    if (ingestion) {
        const cloud = (ingestion[1] ?? ingestion[2]) === 'eu' ? EU_CLOUD : US_CLOUD
        return {
            ok: false,
            message: `${url.hostname} only receives events; the API lives at ${cloud}. Choose ${cloud === EU_CLOUD ? 'EU' : 'US'} Cloud.`,
        }
    }
    if (WEBSITE_HOSTS.has(url.hostname)) {
        return { ok: false, message: 'That is PostHog’s website. Choose US Cloud or EU Cloud instead.' }
    }
    const host = ALIASES.get(url.host) ?? url.origin
    const projectId = /^\/project\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1]
    return projectId === undefined ? { ok: true, host } : { ok: true, host, projectId }
}

/** The PostHog page of a run; PostHog has no view URL in the response, its own links use this shape. */
export function buildRunLink(host: string, projectId: string, taskId: string, runId: string): string {
    const base = host.replace(/\/+$/, '')
    const project = encodeURIComponent(projectId)
    return `${base}/project/${project}/tasks/${encodeURIComponent(taskId)}?runId=${encodeURIComponent(runId)}`
}

// The deployment's "any port on this machine" entry, as ALLOWED_POSTHOG_HOSTS and CSP write it.
const LOOPBACK_ANY_PORT = /^(http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])):\*$/

/** Whether an origin (as normalizeHost returns it) is on an allow-list of origins and loopback `:*` entries. */
export function isHostAllowed(origin: string, allowed: readonly string[]): boolean {
    return allowed.some((entry) => {
        if (entry === origin) return true
        const anyPort = LOOPBACK_ANY_PORT.exec(entry)?.[1]
        if (anyPort === undefined) return false
        return (
            origin === anyPort || (origin.startsWith(`${anyPort}:`) && /^\d+$/.test(origin.slice(anyPort.length + 1)))
        )
    })
}
