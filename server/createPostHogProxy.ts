import { IncomingMessage } from 'node:http'

import type { Context } from 'hono'
import { z } from 'zod'

import { applyRunPolicy } from './applyRunPolicy.ts'
import { FixedWindowRateLimiter } from './FixedWindowRateLimiter.ts'
import { hogErrorResponse } from './hogErrorResponse.ts'
import type { ProxyRefusal, ProxyRoute } from './matchProxyRoute.ts'
import { buildUpstreamQuery, matchProxyRoute } from './matchProxyRoute.ts'
import type { ServerHeldKey } from './parseServerConfig.ts'
import { pickJsonFields } from './pickJsonFields.ts'
import { readClientAddress } from './readClientAddress.ts'
import { readLimitedBody } from './readLimitedBody.ts'
import { shapeUpstreamJson } from './shapeUpstreamJson.ts'
import { toHogErrorBody } from './toHogErrorBody.ts'
import { toSafeContentType } from './toSafeContentType.ts'

export const PROXY_BASE = '/launcher/posthog'
export const WARM_RETRY_HEADER = 'X-PostHog-Warm-Retry'

export interface PostHogProxyOptions {
    serverHeldKey: ServerHeldKey
    rateLimitPerMinute: number
    maxBodyBytes: number
    trustProxy: boolean
    fetch: typeof fetch
    // already redacting
    log: (line: string) => void
    now?: () => number
    upstreamTimeoutMs: number
    upstreamMaxBodyBytes: number
    // operator switches for what visitors may do to a run; both default to allowed
    allowRunCancel?: boolean
    allowRunMessages?: boolean
    // a live stream with nothing from PostHog for this long is closed (the app reconnects); default STREAM_IDLE_MS
    streamIdleTimeoutMs?: number
}

type UpstreamFailure = 'unreachable' | 'timeout' | 'redirect' | 'too_large' | 'not_a_page'
type Upstream =
    // the headers stay whole: content type, Retry-After and each route's passed headers are read from them
    { ok: true; status: number; text: string; headers: Headers } | { ok: false; reason: UpstreamFailure }
const LIST_ROUTES: ReadonlySet<ProxyRoute['name']> = new Set([
    'listTasks',
    'listRuns',
    'listSandboxEnvironments',
    'listSignalReports',
])
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304])
const MAX_LOGGED_PATH = 200
// PostHog sends a keepalive every 20 s, so three missed ones mean the stream is dead
export const STREAM_IDLE_MS = 60_000
// the token goes into a header, so only visible ASCII
const WarmRunUnavailable = z.object({
    code: z.literal('warm_run_activation_unavailable'),
    retry_token: z.string().regex(/^[\x21-\x7e]{1,1024}$/),
})

// The narrow proxy of server-held key mode: allow-listed endpoints of one project, the key added on the way out.
export function createPostHogProxy(options: PostHogProxyOptions): (c: Context) => Promise<Response> {
    const { serverHeldKey: held } = options
    const now = options.now ?? Date.now
    const limiter = new FixedWindowRateLimiter({ limit: options.rateLimitPerMinute, windowMs: 60_000 })
    const policy = {
        projectId: held.projectId,
        allowedTaskIds: held.allowedTaskIds === null ? null : new Set(held.allowedTaskIds),
    }
    // defence in depth: PostHog never echoes the key, but nothing that does reaches the browser
    const scrub = (text: string): string => text.split(held.apiKey).join('[redacted]')

    async function callUpstream(url: string, init: RequestInit): Promise<Upstream> {
        const timeout = AbortSignal.timeout(options.upstreamTimeoutMs)
        try {
            const response = await options.fetch(url, { ...init, redirect: 'manual', signal: timeout })
            // a redirect would be followed by the browser, or would carry the key elsewhere
            if (response.status >= 300 && response.status < 400) {
                await response.body?.cancel()
                return { ok: false, reason: 'redirect' }
            }
            // read as a stream and dropped past the cap, so a huge answer never sits whole in memory
            const read = await readLimitedBody(response, options.upstreamMaxBodyBytes)
            if (!read.ok) {
                return { ok: false, reason: 'too_large' }
            }
            const text = new TextDecoder().decode(read.bytes)
            return { ok: true, status: response.status, text, headers: response.headers }
        } catch {
            return { ok: false, reason: timeout.aborted ? 'timeout' : 'unreachable' }
        }
    }

    // The Host header is checked for every request in createServerApp (DNS rebinding).
    function refuseOrigin(c: Context): Response | undefined {
        const fetchSite = c.req.header('sec-fetch-site')
        // other sites may not spend the key: only the app's own pages (and non-browser clients) get through
        if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
            const detail = 'Run Launcher only forwards requests made by its own pages.'
            return hogErrorResponse(403, 'authentication_error', 'permission_denied', detail)
        }
        return undefined
    }

    function refuseSwitchedOff(route: ProxyRoute): Response | undefined {
        const off =
            (route.switchedBy === 'cancel' && options.allowRunCancel === false) ||
            (route.switchedBy === 'messages' && options.allowRunMessages === false)
        if (!off) {
            return undefined
        }
        const what = route.switchedBy === 'cancel' ? 'cancelling runs' : 'sending messages to runs'
        const detail = `This Run Launcher does not allow ${what}; open the run in PostHog instead.`
        return hogErrorResponse(403, 'authentication_error', 'permission_denied', detail)
    }

    // The live stream goes through as it arrives: no buffering, no compression, closed when the browser goes. It is
    // exempt from UPSTREAM_MAX_BODY_BYTES and the total UPSTREAM_TIMEOUT_MS (PostHog keeps it open up to 15 minutes);
    // instead the wait for its headers is timed, and a stream silent for longer than the idle timeout is closed.
    async function forwardStream(c: Context, route: ProxyRoute, upstreamPath: string): Promise<Response> {
        const connectTimeout = new AbortController()
        const timer = setTimeout(() => {
            connectTimeout.abort()
        }, options.upstreamTimeoutMs)
        const closed = new AbortController()
        const url = `${held.host}${upstreamPath}${buildUpstreamQuery(route, new URL(c.req.url).searchParams)}`
        let response: Response
        try {
            response = await options.fetch(url, {
                method: 'GET',
                headers: { accept: 'text/event-stream', authorization: `Bearer ${held.apiKey}` },
                redirect: 'manual',
                // the browser leaving, or the idle timeout, closes the upstream stream too
                signal: AbortSignal.any([c.req.raw.signal, closed.signal, connectTimeout.signal]),
            })
        } catch {
            clearTimeout(timer)
            const reason = connectTimeout.signal.aborted ? 'timeout' : 'unreachable'
            return upstreamFailure(reason, held.host, options.upstreamTimeoutMs)
        }
        if (response.status >= 300 && response.status < 400) {
            clearTimeout(timer)
            await response.body?.cancel()
            return upstreamFailure('redirect', held.host, options.upstreamTimeoutMs)
        }
        const contentType = response.headers.get('content-type') ?? ''
        if (!response.ok || !contentType.startsWith('text/event-stream') || response.body === null) {
            // not a stream: an ordinary (error) answer, under the same cap and error shaping as every other route
            const read = await readLimitedBody(response, options.upstreamMaxBodyBytes).catch(() => undefined)
            clearTimeout(timer)
            if (read === undefined) {
                const reason = connectTimeout.signal.aborted ? 'timeout' : 'unreachable'
                return upstreamFailure(reason, held.host, options.upstreamTimeoutMs)
            }
            if (!read.ok) {
                return upstreamFailure('too_large', held.host, options.upstreamTimeoutMs)
            }
            const text = new TextDecoder().decode(read.bytes)
            return toBrowserResponse(route, { ok: true, status: response.status, text, headers: response.headers })
        }
        // from here only silence is timed
        clearTimeout(timer)
        const idleMs = options.streamIdleTimeoutMs ?? STREAM_IDLE_MS
        const reader = response.body.getReader()
        const decoder = new TextDecoder()
        const encoder = new TextEncoder()
        const body = new ReadableStream<Uint8Array>({
            async pull(controller) {
                const idle = setTimeout(() => {
                    // both: aborting ends the upstream request, cancelling ends the read waiting on it
                    closed.abort()
                    reader.cancel().catch(() => undefined)
                }, idleMs)
                try {
                    const { done, value } = await reader.read()
                    if (done) {
                        controller.close()
                    } else {
                        controller.enqueue(encoder.encode(scrub(decoder.decode(value, { stream: true }))))
                    }
                } catch {
                    // PostHog went away or fell silent mid-stream: end the browser's stream quietly; the app reconnects
                    controller.close()
                } finally {
                    clearTimeout(idle)
                }
            },
            cancel: async () => {
                await reader.cancel().catch(() => undefined)
            },
        })
        return new Response(body, {
            status: response.status,
            headers: {
                'content-type': 'text/event-stream; charset=utf-8',
                // no-transform keeps the compression middleware off, so each event leaves at once
                'cache-control': 'no-cache, no-transform',
                'x-accel-buffering': 'no',
            },
        })
    }

    async function forward(c: Context, route: ProxyRoute, upstreamPath: string): Promise<Response> {
        const switchedOff = refuseSwitchedOff(route)
        if (switchedOff !== undefined) {
            return switchedOff
        }
        if (route.streaming === true) {
            return forwardStream(c, route, upstreamPath)
        }
        const headers = new Headers({ accept: c.req.header('accept') ?? 'application/json' })
        if (route.authenticated) {
            headers.set('authorization', `Bearer ${held.apiKey}`)
        }
        let body: Uint8Array<ArrayBuffer> | undefined
        if (route.method === 'POST') {
            const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
            if (mediaType !== 'application/json') {
                const detail = 'Run Launcher forwards JSON request bodies only (Content-Type: application/json).'
                return hogErrorResponse(415, 'invalid_request', 'unsupported_media_type', detail)
            }
            const read = await readLimitedBody(c.req.raw, options.maxBodyBytes)
            if (!read.ok) {
                const detail = `The request body is larger than this Run Launcher accepts (${options.maxBodyBytes} bytes).`
                return hogErrorResponse(413, 'invalid_request', 'payload_too_large', detail)
            }
            body = read.bytes
            headers.set('content-type', 'application/json')
            if (route.name === 'runTask' && held.runPolicy !== null) {
                const outcome = applyRunPolicy(parseJson(new TextDecoder().decode(body)), held.runPolicy)
                if (!outcome.ok) {
                    const { code, detail, attr } = outcome.refusal
                    const type = attr === null ? 'invalid_request' : 'validation_error'
                    return hogErrorResponse(400, type, code, detail, {}, attr)
                }
                body = new TextEncoder().encode(JSON.stringify(outcome.body))
            }
        }
        const browserToken = route.name === 'runTask' ? c.req.header(WARM_RETRY_HEADER) : undefined
        if (browserToken !== undefined) {
            headers.set(WARM_RETRY_HEADER, browserToken)
        }
        const url = `${held.host}${upstreamPath}${buildUpstreamQuery(route, new URL(c.req.url).searchParams)}`
        const send = (extra: Headers) => callUpstream(url, { method: route.method, headers: extra, body: body ?? null })
        let upstream = await send(headers)
        // PostHog's CORS refuses this header to browsers, so the proxy does the one retry the 503 asks for
        const retryToken = browserToken === undefined && upstream.ok ? readWarmRetryToken(route, upstream) : undefined
        if (retryToken !== undefined) {
            const retryHeaders = new Headers(headers)
            retryHeaders.set(WARM_RETRY_HEADER, retryToken)
            upstream = await send(retryHeaders)
        }
        if (!upstream.ok) {
            return upstreamFailure(upstream.reason, held.host, options.upstreamTimeoutMs)
        }
        return toBrowserResponse(route, upstream)
    }

    // 2xx: lists must be pages and cut profiles stay cut; errors: PostHog's error keys only.
    function toBrowserResponse(route: ProxyRoute, upstream: Extract<Upstream, { ok: true }>): Response {
        let text = upstream.text
        let contentType = toSafeContentType(upstream.headers.get('content-type'))
        const success = upstream.status >= 200 && upstream.status < 300
        if (success && LIST_ROUTES.has(route.name)) {
            const allowedTaskIds = route.name === 'listTasks' ? policy.allowedTaskIds : null
            const shaped = shapeUpstreamJson(parseJson(text), {
                upstreamOrigin: held.host,
                proxyBase: PROXY_BASE,
                allowedTaskIds,
            })
            if (!shaped.ok) {
                return upstreamFailure('not_a_page', held.host, options.upstreamTimeoutMs)
            }
            text = JSON.stringify(shaped.page)
            contentType = 'application/json'
        }
        const fields = route.responseFields
        if (fields !== undefined && success) {
            text = JSON.stringify(pickJsonFields(parseJson(text), fields))
            contentType = 'application/json'
        }
        if (upstream.status >= 400) {
            text = JSON.stringify(toHogErrorBody(upstream.status, text))
            contentType = 'application/json'
        }
        const headers = new Headers({
            'content-type': scrub(contentType),
            'cache-control': 'no-store',
        })
        const retryAfter = upstream.headers.get('retry-after')?.trim()
        if (retryAfter !== undefined && /^\d{1,9}$/.test(retryAfter)) {
            headers.set('retry-after', retryAfter)
        }
        for (const [name, allowed] of Object.entries(route.responseHeaders ?? {})) {
            const value = upstream.headers.get(name)?.trim()
            if (value !== undefined && allowed.test(value)) headers.set(name, value)
        }
        const body = NULL_BODY_STATUSES.has(upstream.status) ? null : scrub(text)
        return new Response(body, { status: upstream.status, headers })
    }

    return async (c) => {
        const started = now()
        const pathname = new URL(c.req.url).pathname
        const subPath = pathname.slice(PROXY_BASE.length)
        const client = readClientAddress({
            socketAddress: readSocketAddress(c.env),
            forwardedFor: c.req.header('x-forwarded-for'),
            trustProxy: options.trustProxy,
        })
        let response: Response
        const decision = limiter.take(client, started)
        if (decision.allowed) {
            const match = matchProxyRoute(c.req.method, subPath, policy)
            response =
                refuseOrigin(c) ??
                (match.ok ? await forward(c, match.route, match.upstreamPath) : refuse(match.refusal))
        } else {
            const seconds = decision.retryAfterSeconds
            const detail = `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`
            response = hogErrorResponse(429, 'throttled_error', 'throttled', detail, { 'retry-after': String(seconds) })
        }
        options.log(
            `proxy ${c.req.method} ${subPath.slice(0, MAX_LOGGED_PATH)} ${response.status} ${now() - started}ms`
        )
        return response
    }
}

function readWarmRetryToken(route: ProxyRoute, upstream: Extract<Upstream, { ok: true }>): string | undefined {
    if (route.name !== 'runTask' || upstream.status !== 503) {
        return undefined
    }
    const parsed = WarmRunUnavailable.safeParse(parseJson(upstream.text))
    return parsed.success ? parsed.data.retry_token : undefined
}

const FAILURE_DETAILS: Record<
    Exclude<UpstreamFailure, 'timeout'>,
    { code: string; detail: (host: string) => string }
> = {
    unreachable: { code: 'upstream_unreachable', detail: (host) => `Run Launcher could not reach PostHog at ${host}.` },
    redirect: {
        code: 'upstream_unreachable',
        detail: (host) => `PostHog at ${host} answered with a redirect; check POSTHOG_HOST on the Run Launcher server.`,
    },
    too_large: {
        code: 'upstream_too_large',
        detail: (host) =>
            `PostHog at ${host} answered with more data than this Run Launcher accepts (UPSTREAM_MAX_BODY_BYTES).`,
    },
    not_a_page: {
        code: 'upstream_invalid',
        detail: (host) => `PostHog at ${host} answered a list request with something that is not a list.`,
    },
}

function upstreamFailure(reason: UpstreamFailure, host: string, timeoutMs: number): Response {
    if (reason === 'timeout') {
        const detail = `PostHog at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`
        return hogErrorResponse(504, 'server_error', 'upstream_timeout', detail)
    }
    const { code, detail } = FAILURE_DETAILS[reason]
    return hogErrorResponse(502, 'server_error', code, detail(host))
}

function parseJson(text: string): unknown {
    try {
        const value: unknown = JSON.parse(text)
        return value
    } catch {
        return undefined
    }
}

// Without a Node socket (app.request in tests) every client shares one bucket.
function readSocketAddress(env: unknown): string | undefined {
    if (typeof env !== 'object' || env === null || !('incoming' in env) || !(env.incoming instanceof IncomingMessage)) {
        return undefined
    }
    return env.incoming.socket.remoteAddress
}

function refuse({ status, code, detail, allow }: ProxyRefusal): Response {
    const type = status === 403 ? 'authentication_error' : 'invalid_request'
    return hogErrorResponse(status, type, code, detail, allow === undefined ? {} : { allow })
}
