export interface RecordedRequest {
    method: string
    // pathname plus query string
    path: string
    // names lowercased
    headers: Record<string, string>
    body: string
    // the parsed body when it is JSON
    json: unknown
}

export interface InjectedResponse {
    method?: string
    // a string must equal the pathname or the pathname with its query; a RegExp may match either
    path: string | RegExp
    status: number
    // objects are sent as JSON; strings as-is (HTML when they start with '<', otherwise labelled JSON)
    body?: string | object
    headers?: Record<string, string>
    // default 1
    times?: number
}

export const WARM_RETRY_HEADER = 'x-posthog-warm-retry'

// What the server saw and what it was told to answer instead.
export class FakeTraffic {
    readonly requests: RecordedRequest[] = []
    private readonly rules: { rule: InjectedResponse; remaining: number }[] = []

    inject(rule: InjectedResponse): void {
        this.rules.push({ rule, remaining: rule.times ?? 1 })
    }

    // The forced response for this request, if any; consumes one use of the rule.
    takeInjected(method: string, pathname: string, search: string, headers: Headers): InjectedResponse | undefined {
        const index = this.rules.findIndex(({ rule }) => matchesRule(rule, method, pathname, search))
        const entry = this.rules[index]
        if (entry === undefined) {
            return undefined
        }
        const retryToken = readRetryToken(entry.rule.body)
        // a warm-run 503 stops once the caller retries with the token it handed out
        if (retryToken !== undefined && headers.get(WARM_RETRY_HEADER) === retryToken) {
            this.rules.splice(index, 1)
            return undefined
        }
        entry.remaining -= 1
        if (entry.remaining <= 0) {
            this.rules.splice(index, 1)
        }
        return entry.rule
    }
}

function matchesRule(rule: InjectedResponse, method: string, pathname: string, search: string): boolean {
    if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) {
        return false
    }
    const fullPath = pathname + search
    if (typeof rule.path === 'string') {
        return rule.path === pathname || rule.path === fullPath
    }
    const pattern = new RegExp(rule.path.source, rule.path.flags.replace('g', '').replace('y', ''))
    return pattern.test(pathname) || pattern.test(fullPath)
}

function readRetryToken(body: InjectedResponse['body']): string | undefined {
    if (typeof body !== 'object' || !('retry_token' in body)) {
        return undefined
    }
    return typeof body.retry_token === 'string' ? body.retry_token : undefined
}

// The warm-up 503 keeps coming until a retry carries the token, which only a server-side caller can send.
export function buildWarmRunUnavailableRule(retryToken: string): InjectedResponse {
    return {
        method: 'POST',
        path: /\/tasks\/[^/]+\/run\/?$/,
        status: 503,
        body: {
            code: 'warm_run_activation_unavailable',
            error: 'The sandbox is warming up. Try again in a moment.',
            retry_token: retryToken,
        },
        times: Number.POSITIVE_INFINITY,
    }
}
