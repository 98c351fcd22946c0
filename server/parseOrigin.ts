export type OriginResult = { ok: true; origin: string } | { ok: false; expected: string }

export interface ParseOriginOptions {
    // CSP allows one leading '*.' label, e.g. https://*.amazonaws.com
    allowWildcard?: boolean
}

const LOCAL_HOSTNAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]'])
const SAFE_HOSTNAME = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/
const WILDCARD_PREFIX = '*.'
// a label URL parsing keeps as is, swapped back for '*' afterwards
const WILDCARD_STANDIN = 'wildcard-standin-label'

// Any port on this machine: for a local PostHog (or the test double) whose port is not fixed.
const LOOPBACK_ANY_PORT = /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):\*$/

// An http(s) origin safe to put in a CSP source list; http only for loopback.
export function parseOrigin(entry: string, options: ParseOriginOptions = {}): OriginResult {
    if (LOOPBACK_ANY_PORT.test(entry)) return { ok: true, origin: entry }
    const expected = options.allowWildcard
        ? 'an origin such as https://example.com or https://*.example.com (http:// only for localhost)'
        : 'an origin such as https://example.com (http:// only for localhost)'
    const schemeEnd = entry.indexOf('://')
    const hostStart = schemeEnd + 3
    const wildcard = schemeEnd > 0 && entry.startsWith(WILDCARD_PREFIX, hostStart)
    if (wildcard && options.allowWildcard !== true) {
        return { ok: false, expected }
    }
    const candidate = wildcard
        ? `${entry.slice(0, hostStart)}${WILDCARD_STANDIN}.${entry.slice(hostStart + WILDCARD_PREFIX.length)}`
        : entry
    let url: URL
    try {
        url = new URL(candidate)
    } catch {
        return { ok: false, expected }
    }
    const bare = url.username === '' && url.password === '' && url.search === '' && url.hash === ''
    // URL parsing lets ';', quotes and the like through in host names; a CSP header must not get them
    if (!bare || url.pathname !== '/' || !SAFE_HOSTNAME.test(url.hostname)) {
        return { ok: false, expected }
    }
    const local = LOCAL_HOSTNAMES.has(url.hostname)
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local && !wildcard)) {
        return { ok: false, expected }
    }
    // at least two labels under the wildcard: *.example.com, never *.com
    if (wildcard && !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(url.hostname.slice(WILDCARD_STANDIN.length + 1))) {
        return { ok: false, expected }
    }
    const origin = wildcard ? url.origin.replace(WILDCARD_STANDIN, '*') : url.origin
    return { ok: true, origin }
}
