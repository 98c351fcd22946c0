import { describe, expect, it } from 'vitest'

import { parseOrigin } from './parseOrigin.ts'

describe('parseOrigin', () => {
    it.each([
        ['https://us.posthog.com', 'https://us.posthog.com'],
        ['https://US.PostHog.com/', 'https://us.posthog.com'],
        ['https://posthog.example.com:8443', 'https://posthog.example.com:8443'],
        ['https://posthog.example.com:443', 'https://posthog.example.com'],
        ['http://localhost:5301', 'http://localhost:5301'],
        ['http://127.0.0.1:5301', 'http://127.0.0.1:5301'],
        ['http://[::1]:5301', 'http://[::1]:5301'],
        ['http://127.0.0.1:*', 'http://127.0.0.1:*'],
        ['http://localhost:*', 'http://localhost:*'],
    ])('accepts %s as %s', (entry, origin) => {
        expect(parseOrigin(entry)).toEqual({ ok: true, origin })
    })

    it.each([
        'us.posthog.com',
        'http://posthog.example.com',
        'https://us.posthog.com/api/',
        'https://us.posthog.com?x=1',
        'https://us.posthog.com#x',
        'https://user@us.posthog.com',
        'javascript:alert(1)',
        "'self'",
        '*',
        'https://*.posthog.com',
        'https://a;b.com',
        'https://example.com:*',
        'http://10.0.0.1:*',
    ])('refuses %s', (entry) => {
        expect(parseOrigin(entry).ok).toBe(false)
    })

    it.each([
        ['https://*.amazonaws.com', 'https://*.amazonaws.com'],
        ['https://*.s3.eu-west-1.amazonaws.com', 'https://*.s3.eu-west-1.amazonaws.com'],
        ['https://bucket.s3.amazonaws.com', 'https://bucket.s3.amazonaws.com'],
    ])('with wildcards allowed, accepts %s', (entry, origin) => {
        expect(parseOrigin(entry, { allowWildcard: true })).toEqual({ ok: true, origin })
    })

    it.each(['https://*.com', 'https://*', 'http://*.localhost', 'https://a.*.example.com', 'https://**.example.com'])(
        'with wildcards allowed, still refuses %s',
        (entry) => {
            expect(parseOrigin(entry, { allowWildcard: true }).ok).toBe(false)
        }
    )
})
