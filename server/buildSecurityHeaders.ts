import type { ServerConfig } from './parseServerConfig.ts'

export type SecurityHeaderConfig = Pick<
    ServerConfig,
    'allowedPostHogHosts' | 'allowedUploadOrigins' | 'embedAllowedOrigins' | 'serverHeldKey'
>

// Features the app never uses; clipboard stays allowed for the copy buttons.
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'

// The same headers on every response: the app's HTML, its assets, the config endpoint and the proxy.
export function buildSecurityHeaders(config: SecurityHeaderConfig): Record<string, string> {
    // behind the server-held key proxy the browser talks to PostHog only through 'self'
    const postHogHosts = config.serverHeldKey === null ? config.allowedPostHogHosts : []
    const connectSources = unique(["'self'", ...postHogHosts, ...config.allowedUploadOrigins])
    const frameAncestors = unique(["'self'", ...config.embedAllowedOrigins])
    const directives = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        `connect-src ${connectSources.join(' ')}`,
        `frame-ancestors ${frameAncestors.join(' ')}`,
        "base-uri 'none'",
        "form-action 'self'",
        "object-src 'none'",
    ]
    const headers: Record<string, string> = {
        'Content-Security-Policy': directives.join('; '),
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
        'Permissions-Policy': PERMISSIONS_POLICY,
    }
    // frame-ancestors governs embedding; the legacy header can only say "same origin", so it goes when embeds are allowed
    if (config.embedAllowedOrigins.length === 0) {
        headers['X-Frame-Options'] = 'SAMEORIGIN'
    }
    return headers
}

function unique(values: readonly string[]): string[] {
    return [...new Set(values)]
}
