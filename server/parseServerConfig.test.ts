import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseServerConfig, REPO_ROOT } from './parseServerConfig.ts'

const KEY = 'phx_SuperSecretKeyValue_123'
const HELD = { POSTHOG_HOST: 'https://us.posthog.com', POSTHOG_PERSONAL_API_KEY: KEY, POSTHOG_PROJECT_ID: '42' }
const TASK_A = '0196a1b2-0001-7000-8000-000000000001'
const TASK_B = '0196A1B2-0001-7000-8000-000000000002'

function errorsFor(env: Record<string, string | undefined>): string[] {
    const result = parseServerConfig(env)
    return result.ok ? [] : result.errors
}

describe('parseServerConfig', () => {
    it('has safe defaults: loopback, browser key mode, US and EU in connect-src, no embedding', () => {
        const result = parseServerConfig({})
        expect(result).toEqual({
            ok: true,
            config: {
                port: 8080,
                host: '127.0.0.1',
                distDir: resolve(REPO_ROOT, 'dist'),
                buildOnStart: 'auto',
                allowedPostHogHosts: ['https://us.posthog.com', 'https://eu.posthog.com'],
                allowedUploadOrigins: ['https://*.amazonaws.com'],
                embedAllowedOrigins: [],
                serverHeldKey: null,
                proxyRateLimitPerMinute: 60,
                proxyMaxBodyBytes: 65536,
                trustProxy: false,
                allowRunCancel: true,
                allowRunMessages: true,
            },
        })
    })

    it('reads every variable', () => {
        const result = parseServerConfig({
            ...HELD,
            PORT: '0',
            HOST: '0.0.0.0',
            DIST_DIR: 'build/app',
            BUILD_ON_START: 'NEVER',
            ALLOWED_POSTHOG_HOSTS: 'https://posthog.example.com, http://localhost:8000',
            ALLOWED_UPLOAD_ORIGINS: '',
            EMBED_ALLOWED_ORIGINS: 'https://intranet.example.com,https://wiki.example.com/',
            POSTHOG_PUBLIC_HOST: 'https://posthog.example.com',
            POSTHOG_ALLOWED_TASK_IDS: `${TASK_A}, ${TASK_B}`,
            PROXY_RATE_LIMIT_PER_MINUTE: '5',
            PROXY_MAX_BODY_BYTES: '1024',
            TRUST_PROXY: 'yes',
            PROXY_ALLOW_RUN_CANCEL: 'off',
            PROXY_ALLOW_RUN_MESSAGES: 'false',
        })
        expect(result).toEqual({
            ok: true,
            config: {
                port: 0,
                host: '0.0.0.0',
                distDir: resolve(REPO_ROOT, 'build/app'),
                buildOnStart: 'never',
                allowedPostHogHosts: ['https://posthog.example.com', 'http://localhost:8000'],
                allowedUploadOrigins: [],
                embedAllowedOrigins: ['https://intranet.example.com', 'https://wiki.example.com'],
                serverHeldKey: {
                    host: 'https://us.posthog.com',
                    publicHost: 'https://posthog.example.com',
                    apiKey: KEY,
                    projectId: '42',
                    allowedTaskIds: [TASK_A, TASK_B.toLowerCase()],
                },
                proxyRateLimitPerMinute: 5,
                proxyMaxBodyBytes: 1024,
                trustProxy: true,
                allowRunCancel: false,
                allowRunMessages: false,
            },
        })
    })

    it('treats empty scalar values as unset and keeps the public host equal to the API host by default', () => {
        const result = parseServerConfig({ ...HELD, PORT: '', HOST: ' ', POSTHOG_ALLOWED_TASK_IDS: '' })
        expect(result.ok && result.config.port).toBe(8080)
        expect(result.ok && result.config.host).toBe('127.0.0.1')
        expect(result.ok && result.config.serverHeldKey).toMatchObject({
            publicHost: 'https://us.posthog.com',
            allowedTaskIds: null,
        })
    })

    it.each([
        ['PORT', 'abc', 'PORT="abc" is not valid: expected a TCP port, a whole number from 0 to 65535.'],
        ['PORT', '70000', 'PORT="70000" is not valid'],
        ['PORT', '80.5', 'PORT="80.5" is not valid'],
        ['HOST', 'example.com', 'HOST="example.com" is not valid: expected an IP address to listen on'],
        ['BUILD_ON_START', 'sometimes', 'BUILD_ON_START="sometimes" is not valid: expected \'auto\''],
        ['ALLOWED_POSTHOG_HOSTS', 'http://posthog.example.com', 'ALLOWED_POSTHOG_HOSTS="http://posthog.example.com"'],
        ['ALLOWED_POSTHOG_HOSTS', 'https://us.posthog.com/api', '(http:// only for localhost)'],
        ['ALLOWED_POSTHOG_HOSTS', 'https://*.posthog.com', 'expected a comma-separated list where each entry is'],
        ['ALLOWED_POSTHOG_HOSTS', "'unsafe-eval'", 'ALLOWED_POSTHOG_HOSTS="\'unsafe-eval\'" is not valid'],
        ['ALLOWED_UPLOAD_ORIGINS', 'https://*.com', 'or https://*.example.com'],
        ['ALLOWED_UPLOAD_ORIGINS', 'ftp://files.example.com', 'ALLOWED_UPLOAD_ORIGINS="ftp://files.example.com"'],
        ['EMBED_ALLOWED_ORIGINS', '*', 'EMBED_ALLOWED_ORIGINS="*" is not valid'],
        ['EMBED_ALLOWED_ORIGINS', 'https://user:pw@intranet.example.com', 'EMBED_ALLOWED_ORIGINS='],
        ['PROXY_RATE_LIMIT_PER_MINUTE', '0', 'expected requests per minute per client, a whole number from 1'],
        ['PROXY_MAX_BODY_BYTES', '64k', 'PROXY_MAX_BODY_BYTES="64k" is not valid: expected a size in bytes'],
        ['TRUST_PROXY', 'maybe', 'TRUST_PROXY="maybe" is not valid: expected true or false.'],
        [
            'PROXY_ALLOW_RUN_CANCEL',
            'sometimes',
            'PROXY_ALLOW_RUN_CANCEL="sometimes" is not valid: expected true or false.',
        ],
        ['PROXY_ALLOW_RUN_MESSAGES', '2', 'PROXY_ALLOW_RUN_MESSAGES="2" is not valid: expected true or false.'],
    ])('%s=%j → a message naming the variable, the value and what is expected', (name, value, message) => {
        const errors = errorsFor({ [name]: value })
        expect(errors).toHaveLength(1)
        expect(errors[0]).toContain(message)
    })

    it.each([
        ['POSTHOG_HOST', 'https://us.i.posthog.com', 'POSTHOG_HOST="https://us.i.posthog.com" is not valid'],
        ['POSTHOG_HOST', 'us.posthog.com', 'POSTHOG_HOST="us.posthog.com" is not valid: expected the PostHog app'],
        ['POSTHOG_PROJECT_ID', 'demo', 'POSTHOG_PROJECT_ID="demo" is not valid: expected the numeric project id'],
        ['POSTHOG_ALLOWED_TASK_IDS', `${TASK_A},42`, 'expected a comma-separated list of task UUIDs'],
        ['POSTHOG_PUBLIC_HOST', 'ftp://x', 'POSTHOG_PUBLIC_HOST="ftp://x" is not valid'],
    ])('server-held key mode: %s=%j is refused', (name, value, message) => {
        const errors = errorsFor({ ...HELD, [name]: value })
        expect(errors).toHaveLength(1)
        expect(errors[0]).toContain(message)
    })

    it.each([
        ['a key with the wrong prefix', 'sk_SuperSecretKeyValue_123', ''],
        ['a project token', 'phc_SuperSecretKeyValue_123', 'this is a project token, phc_…'],
        ['a project secret key', 'phs_SuperSecretKeyValue_123', 'this is a project secret key, phs_…'],
        ['a key with spaces inside', 'phx_Super Secret', ''],
    ])('never shows the key, even when refusing %s', (_label, key, hint) => {
        const errors = errorsFor({ ...HELD, POSTHOG_PERSONAL_API_KEY: key })
        expect(errors).toEqual([
            expect.stringContaining(
                'POSTHOG_PERSONAL_API_KEY (value hidden) is not valid: expected a personal API key'
            ),
        ])
        expect(errors[0]).toContain(hint)
        expect(errors.join('\n')).not.toContain('SuperSecret')
    })

    it('names the missing variables when server-held key mode is half configured', () => {
        const errors = errorsFor({ POSTHOG_PERSONAL_API_KEY: KEY })
        expect(errors).toEqual([
            'POSTHOG_HOST, POSTHOG_PROJECT_ID are not set: server-held key mode needs POSTHOG_HOST, POSTHOG_PERSONAL_API_KEY and POSTHOG_PROJECT_ID together (POSTHOG_PERSONAL_API_KEY is set); set all three, or none for browser key mode.',
        ])
        expect(errorsFor({ POSTHOG_HOST: 'https://us.posthog.com', POSTHOG_PROJECT_ID: '1' })[0]).toMatch(
            /^POSTHOG_PERSONAL_API_KEY is not set/
        )
    })

    it('refuses the server-held-only variables without a server-held key', () => {
        expect(errorsFor({ POSTHOG_ALLOWED_TASK_IDS: TASK_A })).toEqual([
            expect.stringMatching(/^POSTHOG_ALLOWED_TASK_IDS is set, but it only applies in server-held key mode/),
        ])
        expect(errorsFor({ POSTHOG_PUBLIC_HOST: 'https://eu.posthog.com' })).toHaveLength(1)
    })

    it('reports every problem at once and never the key', () => {
        const errors = errorsFor({
            PORT: '-1',
            TRUST_PROXY: 'perhaps',
            POSTHOG_PERSONAL_API_KEY: 'not-a-key-SuperSecret',
            POSTHOG_PROJECT_ID: 'x',
        })
        expect(errors.map((error) => error.split(/[=( ]/)[0])).toEqual([
            'PORT',
            'POSTHOG_PERSONAL_API_KEY',
            'POSTHOG_PROJECT_ID',
            'TRUST_PROXY',
            'POSTHOG_HOST',
        ])
        expect(errors.join('\n')).not.toContain('SuperSecret')
    })

    it('keeps absolute DIST_DIR values', () => {
        const result = parseServerConfig({ DIST_DIR: '/srv/run-launcher' })
        expect(result.ok && result.config.distDir).toBe('/srv/run-launcher')
    })
})
