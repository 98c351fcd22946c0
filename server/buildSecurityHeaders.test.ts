import { describe, expect, it } from 'vitest'

import { buildSecurityHeaders } from './buildSecurityHeaders.ts'
import type { SecurityHeaderConfig } from './buildSecurityHeaders.ts'

const BROWSER_KEY: SecurityHeaderConfig = {
    allowedPostHogHosts: ['https://us.posthog.com', 'https://eu.posthog.com'],
    allowedUploadOrigins: ['https://*.amazonaws.com'],
    embedAllowedOrigins: [],
    serverHeldKey: null,
}
const SERVER_HELD: SecurityHeaderConfig = {
    ...BROWSER_KEY,
    embedAllowedOrigins: ['https://intranet.example.com'],
    serverHeldKey: {
        host: 'https://us.posthog.com',
        publicHost: 'https://us.posthog.com',
        apiKey: 'phx_test_key',
        projectId: '1',
        allowedTaskIds: null,
        runPolicy: null,
    },
}

function directives(headers: Record<string, string>): Map<string, string> {
    const csp = headers['Content-Security-Policy'] ?? ''
    return new Map(
        csp.split('; ').map((directive) => {
            const [name = '', ...sources] = directive.split(' ')
            return [name, sources.join(' ')]
        })
    )
}

describe('buildSecurityHeaders', () => {
    it('browser key mode: the PostHog hosts and upload origins in connect-src, framing by the same origin only', () => {
        const headers = buildSecurityHeaders(BROWSER_KEY)
        expect(headers['Content-Security-Policy']).toBe(
            [
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self' https://us.posthog.com https://eu.posthog.com https://*.amazonaws.com",
                "frame-ancestors 'self'",
                "base-uri 'none'",
                "form-action 'self'",
                "object-src 'none'",
            ].join('; ')
        )
        expect(headers['X-Frame-Options']).toBe('SAMEORIGIN')
        expect(headers['Referrer-Policy']).toBe('no-referrer')
        expect(headers['X-Content-Type-Options']).toBe('nosniff')
        expect(headers['Permissions-Policy']).toContain('camera=()')
    })

    it('server-held key mode: the browser reaches PostHog only through the app, embeds from the configured origins', () => {
        const headers = buildSecurityHeaders(SERVER_HELD)
        const csp = directives(headers)
        expect(csp.get('connect-src')).toBe("'self' https://*.amazonaws.com")
        expect(csp.get('frame-ancestors')).toBe("'self' https://intranet.example.com")
        expect(headers['X-Frame-Options']).toBeUndefined()
    })

    it.each([BROWSER_KEY, SERVER_HELD])('never allows eval or inline code', (config) => {
        const csp = buildSecurityHeaders(config)['Content-Security-Policy'] ?? ''
        expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|\*(?!\.)/)
        expect(directives(buildSecurityHeaders(config)).get('script-src')).toBe("'self'")
    })

    it('never puts the key anywhere in the headers', () => {
        expect(JSON.stringify(buildSecurityHeaders(SERVER_HELD))).not.toContain('phx_')
    })

    it('lists an origin once even when it is both a PostHog host and an upload origin', () => {
        const headers = buildSecurityHeaders({
            ...BROWSER_KEY,
            allowedPostHogHosts: ['http://127.0.0.1:5301'],
            allowedUploadOrigins: ['http://127.0.0.1:5301'],
        })
        expect(directives(headers).get('connect-src')).toBe("'self' http://127.0.0.1:5301")
    })
})
