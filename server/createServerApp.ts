import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { compress } from 'hono/compress'

import { isHostAllowed } from './allowedHosts.ts'
import { buildLauncherConfig } from './buildLauncherConfig.ts'
import { buildSecurityHeaders } from './buildSecurityHeaders.ts'
import { createPostHogProxy, PROXY_BASE } from './createPostHogProxy.ts'
import { hogErrorResponse } from './hogErrorResponse.ts'
import type { ServerConfig } from './parseServerConfig.ts'
import { redact } from './redact.ts'

export interface ServerAppOptions {
    // upstream calls of the proxy
    fetch?: typeof fetch
    log?: (line: string) => void
    now?: () => number
    // overrides the setting, for tests
    upstreamTimeoutMs?: number
    // how long a run stream may stay silent; tests shorten it
    streamIdleTimeoutMs?: number
}

// Vite's hashed build output never changes under the same name.
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable'

// Health, config, the optional proxy, then the built app with an SPA fallback; security headers on everything.
export function createServerApp(config: ServerConfig, options: ServerAppOptions = {}): Hono {
    const app = new Hono()
    const secrets = config.serverHeldKey === null ? [] : [config.serverHeldKey.apiKey]
    const write = options.log ?? console.log
    const log = (line: string): void => {
        write(redact(line, secrets))
    }
    const securityHeaders = Object.entries(buildSecurityHeaders(config))
    const launcherConfig = JSON.stringify(buildLauncherConfig(config))

    app.use('*', async (c, next) => {
        await next()
        for (const [name, value] of securityHeaders) {
            c.res.headers.set(name, value)
        }
        if (!c.res.headers.has('cache-control')) {
            const hashed = c.req.path.startsWith('/assets/') && c.res.ok
            c.res.headers.set('cache-control', hashed ? IMMUTABLE_CACHE : 'no-cache')
        }
    })
    app.use('*', compress())

    // a load balancer's probe may address the server by its IP: health says nothing worth rebinding for
    app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' }))
    const allowedHosts = config.allowedHosts
    if (allowedHosts !== null) {
        // DNS rebinding: a page on another site whose name now points here arrives with its own Host
        app.use('*', async (c, next) => {
            const host = c.req.header('host') ?? new URL(c.req.url).host
            if (!isHostAllowed(host, allowedHosts)) {
                const detail = 'This Run Launcher does not answer to this host name (ALLOWED_HOSTS).'
                return hogErrorResponse(403, 'authentication_error', 'permission_denied', detail)
            }
            await next()
            return undefined
        })
    }

    app.get('/launcher/config.json', () => {
        const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' }
        return new Response(launcherConfig, { status: 200, headers })
    })

    const held = config.serverHeldKey
    if (held !== null) {
        const proxy = createPostHogProxy({
            serverHeldKey: held,
            rateLimitPerMinute: config.proxyRateLimitPerMinute,
            maxBodyBytes: config.proxyMaxBodyBytes,
            trustProxy: config.trustProxy,
            allowRunCancel: config.allowRunCancel,
            allowRunMessages: config.allowRunMessages,
            fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
            log,
            ...(options.now === undefined ? {} : { now: options.now }),
            upstreamTimeoutMs: options.upstreamTimeoutMs ?? config.limits.upstreamTimeoutMs,
            upstreamMaxBodyBytes: config.limits.upstreamMaxBodyBytes,
            ...(options.streamIdleTimeoutMs === undefined ? {} : { streamIdleTimeoutMs: options.streamIdleTimeoutMs }),
        })
        app.all(PROXY_BASE, proxy)
        app.all(`${PROXY_BASE}/*`, proxy)
    }
    app.all('/launcher/*', () => {
        const detail =
            held === null ? 'This Run Launcher holds no PostHog key: the app talks to PostHog directly.' : 'Not found.'
        return hogErrorResponse(404, 'invalid_request', 'not_found', detail)
    })

    // The build writes .br/.gz beside each asset (scripts/precompressAssets.ts): sent as they are, else compressed here.
    app.use('/assets/*', serveStatic({ root: config.distDir, precompressed: true }))
    // a missing hashed asset is a 404, never the HTML page
    app.all('/assets/*', (c) => c.text('Not found', 404))
    app.use('*', serveStatic({ root: config.distDir, precompressed: true }))
    const serveIndex = serveStatic({ root: config.distDir, path: 'index.html', precompressed: true })
    // client-side routes load the app; other misses stay 404 so broken links surface
    app.on(['GET', 'HEAD'], '*', (c, next) =>
        (c.req.header('accept') ?? '').includes('text/html') ? serveIndex(c, next) : next()
    )

    app.notFound((c) => c.text('Not found', 404))
    app.onError((error, c) => {
        log(`error ${c.req.method} ${new URL(c.req.url).pathname}: ${error.name}: ${error.message}`)
        return hogErrorResponse(500, 'server_error', 'error', 'The Run Launcher server failed to answer.')
    })
    return app
}
