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

function errorsWithFile(env: Record<string, string | undefined>, readFile: (path: string) => string): string[] {
    const result = parseServerConfig(env, { readFile })
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
                allowedUploadOrigins: [],
                embedAllowedOrigins: [],
                serverHeldKey: null,
                proxyRateLimitPerMinute: 60,
                proxyMaxBodyBytes: 65536,
                trustProxy: false,
                allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
                limits: {
                    requestTimeoutMs: 30_000,
                    headersTimeoutMs: 10_000,
                    idleTimeoutMs: 5_000,
                    maxConnections: 256,
                    upstreamTimeoutMs: 30_000,
                    upstreamMaxBodyBytes: 16 * 1024 * 1024,
                },
                embedHostSubmit: false,
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
            ALLOWED_HOSTS: 'Launcher.Example.com, 10.0.0.5:8080 [::1]',
            REQUEST_TIMEOUT_MS: '20000',
            HEADERS_TIMEOUT_MS: '5000',
            IDLE_TIMEOUT_MS: '2000',
            MAX_CONNECTIONS: '64',
            UPSTREAM_TIMEOUT_MS: '15000',
            UPSTREAM_MAX_BODY_BYTES: '1048576',
            RUN_POLICY: '{"branch": {"pin": "main"}}',
            EMBED_HOST_SUBMIT: 'true',
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
                    runPolicy: new Map([['branch', { kind: 'pin', value: 'main' }]]),
                },
                proxyRateLimitPerMinute: 5,
                proxyMaxBodyBytes: 1024,
                trustProxy: true,
                allowedHosts: ['launcher.example.com', '10.0.0.5:8080', '[::1]'],
                limits: {
                    requestTimeoutMs: 20_000,
                    headersTimeoutMs: 5_000,
                    idleTimeoutMs: 2_000,
                    maxConnections: 64,
                    upstreamTimeoutMs: 15_000,
                    upstreamMaxBodyBytes: 1_048_576,
                },
                embedHostSubmit: true,
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
            'ALLOWED_HOSTS',
            'https://launcher.example.com',
            'ALLOWED_HOSTS="https://launcher.example.com" is not valid: expected a comma-separated list of host names as browsers send them in Host, each a name or name:port (e.g. launcher.example.com, 10.0.0.5:8080), not "https://launcher.example.com".',
        ],
        ['ALLOWED_HOSTS', '*.example.com', 'not "*.example.com"'],
        ['ALLOWED_HOSTS', 'launcher.example.com:99999', 'not "launcher.example.com:99999"'],
        ['ALLOWED_HOSTS', 'launcher.example.com/app', 'not "launcher.example.com/app"'],
        [
            'REQUEST_TIMEOUT_MS',
            '30s',
            'REQUEST_TIMEOUT_MS="30s" is not valid: expected milliseconds, a whole number from 1000 to 600000.',
        ],
        ['REQUEST_TIMEOUT_MS', '999', 'REQUEST_TIMEOUT_MS="999" is not valid: expected milliseconds'],
        [
            'HEADERS_TIMEOUT_MS',
            '0',
            'HEADERS_TIMEOUT_MS="0" is not valid: expected milliseconds, a whole number from 1000',
        ],
        ['IDLE_TIMEOUT_MS', '1e4', 'IDLE_TIMEOUT_MS="1e4" is not valid: expected milliseconds'],
        [
            'UPSTREAM_TIMEOUT_MS',
            '700000',
            'UPSTREAM_TIMEOUT_MS="700000" is not valid: expected milliseconds, a whole number from 1000 to 600000.',
        ],
        [
            'MAX_CONNECTIONS',
            '0',
            'MAX_CONNECTIONS="0" is not valid: expected open connections at once, a whole number from 1 to 100000.',
        ],
        [
            'UPSTREAM_MAX_BODY_BYTES',
            '16MB',
            'UPSTREAM_MAX_BODY_BYTES="16MB" is not valid: expected a size in bytes, a whole number from 1024 to 268435456.',
        ],
        ['EMBED_HOST_SUBMIT', 'sometimes', 'EMBED_HOST_SUBMIT="sometimes" is not valid: expected true or false.'],
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

    it('refuses headers allowed longer than the whole request', () => {
        expect(errorsFor({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '6000' })).toEqual([
            'HEADERS_TIMEOUT_MS (6000) is longer than REQUEST_TIMEOUT_MS (5000): the headers are part of the request, so make it shorter or equal.',
        ])
        expect(errorsFor({ REQUEST_TIMEOUT_MS: '5000' })).toHaveLength(1)
    })

    it('reads EMBED_HOST_SUBMIT in both modes, false unless set', () => {
        const on = parseServerConfig({ EMBED_HOST_SUBMIT: 'on' })
        expect(on.ok && on.config.embedHostSubmit).toBe(true)
        const held = parseServerConfig({ ...HELD, EMBED_HOST_SUBMIT: '' })
        expect(held.ok && held.config.embedHostSubmit).toBe(false)
    })

    describe('allowed hosts (DNS rebinding)', () => {
        it.each([
            ['loopback names on a loopback bind', {}, ['localhost', '127.0.0.1', '[::1]']],
            ['loopback names on ::1', { HOST: '::1' }, ['localhost', '127.0.0.1', '[::1]']],
            ['any host in browser key mode on a public bind', { HOST: '0.0.0.0' }, null],
            ['any host in browser key mode behind a proxy', { TRUST_PROXY: 'true' }, null],
            ['the named hosts on any bind', { HOST: '0.0.0.0', ALLOWED_HOSTS: 'a.example' }, ['a.example']],
            ['loopback names in server-held key mode on loopback', HELD, ['localhost', '127.0.0.1', '[::1]']],
        ])('defaults to %s', (_label, env, expected) => {
            const result = parseServerConfig(env)
            expect(result.ok && result.config.allowedHosts).toEqual(expected)
        })

        it.each([
            [{ HOST: '0.0.0.0' }, 'HOST=0.0.0.0 is not a loopback address'],
            [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY is on'],
        ])('refuses to start server-held key mode on a public bind without ALLOWED_HOSTS (%j)', (env, why) => {
            expect(errorsFor({ ...HELD, ...env })).toEqual([
                `ALLOWED_HOSTS is not set: in server-held key mode with ${why}, name the host names users reach the launcher by (e.g. ALLOWED_HOSTS=launcher.example.com), so that a page on another site cannot reach the key through DNS rebinding.`,
            ])
        })
    })

    describe('run policy', () => {
        const POLICY =
            '{"model": {"allow": ["claude-sonnet-5"]}, "initial_permission_mode": {"forbid": ["bypassPermissions"]}}'

        it('reads RUN_POLICY, or RUN_POLICY_FILE through the reader', () => {
            const inline = parseServerConfig({ ...HELD, RUN_POLICY: POLICY })
            expect(inline.ok && inline.config.serverHeldKey?.runPolicy).toEqual(
                new Map<string, unknown>([
                    ['model', { kind: 'allow', values: ['claude-sonnet-5'] }],
                    ['initial_permission_mode', { kind: 'forbid', values: ['bypassPermissions'] }],
                ])
            )
            const read: string[] = []
            const readFile = (path: string) => {
                read.push(path)
                return POLICY
            }
            const fromFile = parseServerConfig({ ...HELD, RUN_POLICY_FILE: 'policy.json' }, { readFile })
            expect(fromFile.ok && fromFile.config.serverHeldKey?.runPolicy?.size).toBe(2)
            expect(read).toEqual([resolve(REPO_ROOT, 'policy.json')])
        })

        it.each([
            ['{', 'RUN_POLICY="{" is not valid: expected JSON (it does not parse).'],
            ['[]', 'expected a JSON object from run field names to rules, e.g. {"branch": {"pin": "main"}}.'],
            ['{}', 'expected at least one field rule (leave RUN_POLICY unset for no policy).'],
            [
                '{"Branch": {"pin": "main"}}',
                'expected run field names in snake_case (lower-case letters, digits, _), not "Branch".',
            ],
            ['{"__proto__": {"pin": "main"}}', 'not "__proto__"'],
            [
                '{"branch": "main"}',
                'expected a rule for "branch" of the form {"pin": value}, {"allow": [values]} or {"forbid": [values]}, values being strings, numbers or booleans.',
            ],
            ['{"branch": {"pin": "main", "forbid": ["x"]}}', 'expected a rule for "branch"'],
            ['{"branch": {"allow": []}}', 'expected a rule for "branch"'],
            ['{"branch": {"forbid": [null]}}', 'expected a rule for "branch"'],
            ['{"branch": {"pin": ["main"]}}', 'expected a rule for "branch"'],
        ])('RUN_POLICY=%s → %s', (policy, message) => {
            const errors = errorsFor({ ...HELD, RUN_POLICY: policy })
            expect(errors).toHaveLength(1)
            expect(errors[0]).toContain(message)
        })

        it('names the file when RUN_POLICY_FILE holds a bad policy or cannot be read', () => {
            expect(errorsFor({ ...HELD, RUN_POLICY_FILE: '/etc/policy.json' })).toEqual([
                expect.stringMatching(
                    /^RUN_POLICY_FILE="\/etc\/policy.json" cannot be read \(ENOENT\): expected a readable JSON file\.$/
                ),
            ])
            const errors = parseServerConfig(
                { ...HELD, RUN_POLICY_FILE: '/etc/policy.json' },
                { readFile: () => '[1]' }
            )
            expect(errors.ok ? [] : errors.errors).toEqual([
                expect.stringMatching(/^RUN_POLICY_FILE \(\/etc\/policy.json\) is not valid: expected a JSON object/),
            ])
        })

        it('refuses an empty policy file rather than running without the policy', () => {
            expect(errorsWithFile({ ...HELD, RUN_POLICY_FILE: 'policy.json' }, () => ' \n')).toEqual([
                'RUN_POLICY_FILE="policy.json" is empty: expected the policy\'s JSON.',
            ])
        })

        it('refuses both sources at once, and a policy without a server-held key', () => {
            expect(errorsFor({ ...HELD, RUN_POLICY: POLICY, RUN_POLICY_FILE: 'p.json' })).toContain(
                'RUN_POLICY and RUN_POLICY_FILE are both set: set one of them.'
            )
            expect(errorsFor({ RUN_POLICY: POLICY })).toEqual([
                expect.stringMatching(/^RUN_POLICY is set, but it only applies in server-held key mode/),
            ])
        })
    })

    it('keeps absolute DIST_DIR values', () => {
        const result = parseServerConfig({ DIST_DIR: '/srv/run-launcher' })
        expect(result.ok && result.config.distDir).toBe('/srv/run-launcher')
    })
})
