import { existsSync, readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { dirname, isAbsolute, join, resolve } from 'node:path'

import { z } from 'zod'

import { LOOPBACK_HOST_NAMES, parseAllowedHost } from './allowedHosts.ts'
import { parseOrigin } from './parseOrigin.ts'
import type { RunPolicy } from './parseRunPolicy.ts'
import { parseRunPolicy } from './parseRunPolicy.ts'

export interface ServerHeldKey {
    // where the proxy sends requests, e.g. https://us.posthog.com or an internal address
    host: string
    // what the app links to; POSTHOG_PUBLIC_HOST, else host
    publicHost: string
    apiKey: string
    projectId: string
    // null: every task of the project
    allowedTaskIds: readonly string[] | null
    // null: the run body goes to PostHog as the browser sent it
    runPolicy: RunPolicy | null
}

export interface ServerLimits {
    // whole request (headers and body) from the client
    requestTimeoutMs: number
    headersTimeoutMs: number
    // a kept-alive connection with no request
    idleTimeoutMs: number
    maxConnections: number
    upstreamTimeoutMs: number
    // PostHog's answer, read as a stream and abandoned past this size
    upstreamMaxBodyBytes: number
}

export interface ServerConfig {
    port: number
    host: string
    distDir: string
    buildOnStart: 'auto' | 'never'
    allowedPostHogHosts: readonly string[]
    allowedUploadOrigins: readonly string[]
    embedAllowedOrigins: readonly string[]
    serverHeldKey: ServerHeldKey | null
    proxyRateLimitPerMinute: number
    proxyMaxBodyBytes: number
    trustProxy: boolean
    // Host header values the server answers; null: any (browser key mode on a public bind only)
    allowedHosts: readonly string[] | null
    limits: ServerLimits
    // embed mode, browser key: may a host page's submit start a run without a click in the frame
    embedHostSubmit: boolean
    // may visitors cancel runs and send messages to them (the proxy refuses; either mode's app hides the controls)
    allowRunCancel: boolean
    allowRunMessages: boolean
}

export type ServerConfigResult = { ok: true; config: ServerConfig } | { ok: false; errors: string[] }

// the directory with package.json above this file, whether it runs from server/ or from the compiled build/server/
export const REPO_ROOT = findRepoRoot(import.meta.dirname)
export const DEFAULT_ALLOWED_POSTHOG_HOSTS = ['https://us.posthog.com', 'https://eu.posthog.com'] as const
// PostHog does not publish its upload buckets' origins, so none until the operator names theirs
export const DEFAULT_ALLOWED_UPLOAD_ORIGINS = [] as const
export const DEFAULT_PROXY_MAX_BODY_BYTES = 64 * 1024
export const DEFAULT_LIMITS: ServerLimits = {
    requestTimeoutMs: 30_000,
    headersTimeoutMs: 10_000,
    idleTimeoutMs: 5_000,
    maxConnections: 256,
    upstreamTimeoutMs: 30_000,
    // PostHog's full OpenAPI document (/api/schema/) is the largest answer the app asks for, a few MB
    upstreamMaxBodyBytes: 16 * 1024 * 1024,
}

const KEY_VARIABLES = ['POSTHOG_HOST', 'POSTHOG_PERSONAL_API_KEY', 'POSTHOG_PROJECT_ID'] as const
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PERSONAL_API_KEY = /^phx_[A-Za-z0-9_-]{4,}$/
const INGESTION_HOST = /(?:^|\.)i\.posthog\.com$/
const MAX_BODY_BYTES_CEILING = 10 * 1024 * 1024
const MAX_RATE_LIMIT = 100_000
const MAX_TIMEOUT_MS = 600_000
const MAX_UPSTREAM_BODY_BYTES = 256 * 1024 * 1024
const LOOPBACK_BIND = /^(?:localhost|127(?:\.\d{1,3}){3}|::1)$/

type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string }

interface VariableOptions {
    // secrets are never echoed, not even in an error
    secret?: boolean
    // what an empty value means; undefined: the same as unset
    whenEmpty?: 'unset' | 'empty'
}

// Empty and whitespace-only values count as unset unless the variable says otherwise.
function variable<T>(name: string, fallback: T, parse: (raw: string) => Parsed<T>, options: VariableOptions = {}) {
    return z
        .string()
        .optional()
        .transform((raw, ctx): T => {
            const trimmed = raw?.trim() ?? ''
            if (raw === undefined || (trimmed === '' && options.whenEmpty !== 'empty')) {
                return fallback
            }
            const parsed = parse(trimmed)
            if (parsed.ok) {
                return parsed.value
            }
            const shown = options.secret ? ' (value hidden)' : `=${JSON.stringify(raw)}`
            ctx.addIssue({ code: 'custom', message: `${name}${shown} is not valid: expected ${parsed.expected}.` })
            return z.NEVER
        })
}

function splitList(raw: string): string[] {
    return raw.split(/[\s,]+/).filter((entry) => entry !== '')
}

function parseInteger(min: number, max: number, what: string): (raw: string) => Parsed<number> {
    return (raw) => {
        const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
        return Number.isSafeInteger(value) && value >= min && value <= max
            ? { ok: true, value }
            : { ok: false, expected: `${what}, a whole number from ${min} to ${max}` }
    }
}

function parseOriginList(allowWildcard: boolean): (raw: string) => Parsed<string[]> {
    return (raw) => {
        const origins: string[] = []
        for (const entry of splitList(raw)) {
            const parsed = parseOrigin(entry, { allowWildcard })
            if (!parsed.ok) {
                return { ok: false, expected: `a comma-separated list where each entry is ${parsed.expected}` }
            }
            origins.push(parsed.origin)
        }
        return { ok: true, value: [...new Set(origins)] }
    }
}

function parseBindHost(raw: string): Parsed<string> {
    return raw === 'localhost' || isIP(raw) !== 0
        ? { ok: true, value: raw }
        : { ok: false, expected: 'an IP address to listen on, e.g. 127.0.0.1, or 0.0.0.0 for every interface' }
}

function parseDistDir(raw: string): Parsed<string> {
    return { ok: true, value: isAbsolute(raw) ? raw : resolve(REPO_ROOT, raw) }
}

function parseBuildOnStart(raw: string): Parsed<'auto' | 'never'> {
    const value = raw.toLowerCase()
    return value === 'auto' || value === 'never'
        ? { ok: true, value }
        : { ok: false, expected: "'auto' (rebuild when the sources are newer) or 'never'" }
}

function parseBoolean(raw: string): Parsed<boolean> {
    const value = raw.toLowerCase()
    if (['1', 'true', 'yes', 'on'].includes(value)) {
        return { ok: true, value: true }
    }
    if (['0', 'false', 'no', 'off'].includes(value)) {
        return { ok: true, value: false }
    }
    return { ok: false, expected: 'true or false' }
}

function parsePostHogHost(raw: string): Parsed<string> {
    const parsed = parseOrigin(raw)
    if (!parsed.ok) {
        return { ok: false, expected: `the PostHog app address, ${parsed.expected}` }
    }
    if (INGESTION_HOST.test(new URL(parsed.origin).hostname)) {
        return { ok: false, expected: 'the PostHog app address (e.g. https://us.posthog.com), not an ingestion host' }
    }
    return { ok: true, value: parsed.origin }
}

function parseApiKey(raw: string): Parsed<string> {
    if (PERSONAL_API_KEY.test(raw)) {
        return { ok: true, value: raw }
    }
    // the prefix alone identifies the kind of key without revealing it
    const kind = raw.startsWith('phc_') ? ' (this is a project token, phc_…)' : ''
    const secretKind = raw.startsWith('phs_') ? ' (this is a project secret key, phs_…)' : ''
    return { ok: false, expected: `a personal API key: phx_ followed by letters, digits, - or _${kind}${secretKind}` }
}

function parseProjectId(raw: string): Parsed<string> {
    return /^\d{1,18}$/.test(raw)
        ? { ok: true, value: raw }
        : { ok: false, expected: 'the numeric project id, e.g. 12345' }
}

function parseTaskIds(raw: string): Parsed<string[]> {
    const ids = splitList(raw)
    return ids.every((id) => UUID.test(id))
        ? { ok: true, value: [...new Set(ids.map((id) => id.toLowerCase()))] }
        : { ok: false, expected: 'a comma-separated list of task UUIDs' }
}

function parseAllowedHosts(raw: string): Parsed<string[]> {
    const hosts: string[] = []
    for (const entry of splitList(raw)) {
        const parsed = parseAllowedHost(entry)
        if (!parsed.ok) {
            return {
                ok: false,
                expected: `a comma-separated list of host names as browsers send them in Host, each a name or name:port (e.g. launcher.example.com, 10.0.0.5:8080), not ${JSON.stringify(entry)}`,
            }
        }
        hosts.push(parsed.host)
    }
    return { ok: true, value: [...new Set(hosts)] }
}

function parsePolicyText(raw: string): Parsed<RunPolicy> {
    const parsed = parseRunPolicy(raw)
    return parsed.ok ? { ok: true, value: parsed.policy } : parsed
}

function timeout(name: string, fallback: number) {
    return variable(name, fallback, parseInteger(1_000, MAX_TIMEOUT_MS, 'milliseconds'))
}

const EnvSchema = z.object({
    PORT: variable('PORT', 8080, parseInteger(0, 65535, 'a TCP port')),
    HOST: variable('HOST', '127.0.0.1', parseBindHost),
    DIST_DIR: variable('DIST_DIR', resolve(REPO_ROOT, 'dist'), parseDistDir),
    BUILD_ON_START: variable<'auto' | 'never'>('BUILD_ON_START', 'auto', parseBuildOnStart),
    ALLOWED_POSTHOG_HOSTS: variable(
        'ALLOWED_POSTHOG_HOSTS',
        [...DEFAULT_ALLOWED_POSTHOG_HOSTS],
        parseOriginList(false),
        {
            whenEmpty: 'empty',
        }
    ),
    ALLOWED_UPLOAD_ORIGINS: variable(
        'ALLOWED_UPLOAD_ORIGINS',
        [...DEFAULT_ALLOWED_UPLOAD_ORIGINS],
        parseOriginList(true),
        {
            whenEmpty: 'empty',
        }
    ),
    EMBED_ALLOWED_ORIGINS: variable<string[]>('EMBED_ALLOWED_ORIGINS', [], parseOriginList(false)),
    POSTHOG_HOST: variable<string | null>('POSTHOG_HOST', null, parsePostHogHost),
    POSTHOG_PUBLIC_HOST: variable<string | null>('POSTHOG_PUBLIC_HOST', null, parsePostHogHost),
    POSTHOG_PERSONAL_API_KEY: variable<string | null>('POSTHOG_PERSONAL_API_KEY', null, parseApiKey, { secret: true }),
    POSTHOG_PROJECT_ID: variable<string | null>('POSTHOG_PROJECT_ID', null, parseProjectId),
    POSTHOG_ALLOWED_TASK_IDS: variable<string[] | null>('POSTHOG_ALLOWED_TASK_IDS', null, parseTaskIds),
    PROXY_RATE_LIMIT_PER_MINUTE: variable(
        'PROXY_RATE_LIMIT_PER_MINUTE',
        60,
        parseInteger(1, MAX_RATE_LIMIT, 'requests per minute per client')
    ),
    PROXY_MAX_BODY_BYTES: variable(
        'PROXY_MAX_BODY_BYTES',
        DEFAULT_PROXY_MAX_BODY_BYTES,
        parseInteger(1, MAX_BODY_BYTES_CEILING, 'a size in bytes')
    ),
    TRUST_PROXY: variable('TRUST_PROXY', false, parseBoolean),
    ALLOWED_HOSTS: variable<string[] | null>('ALLOWED_HOSTS', null, parseAllowedHosts),
    REQUEST_TIMEOUT_MS: timeout('REQUEST_TIMEOUT_MS', DEFAULT_LIMITS.requestTimeoutMs),
    HEADERS_TIMEOUT_MS: timeout('HEADERS_TIMEOUT_MS', DEFAULT_LIMITS.headersTimeoutMs),
    IDLE_TIMEOUT_MS: timeout('IDLE_TIMEOUT_MS', DEFAULT_LIMITS.idleTimeoutMs),
    MAX_CONNECTIONS: variable(
        'MAX_CONNECTIONS',
        DEFAULT_LIMITS.maxConnections,
        parseInteger(1, 100_000, 'open connections at once')
    ),
    UPSTREAM_TIMEOUT_MS: timeout('UPSTREAM_TIMEOUT_MS', DEFAULT_LIMITS.upstreamTimeoutMs),
    UPSTREAM_MAX_BODY_BYTES: variable(
        'UPSTREAM_MAX_BODY_BYTES',
        DEFAULT_LIMITS.upstreamMaxBodyBytes,
        parseInteger(1024, MAX_UPSTREAM_BODY_BYTES, 'a size in bytes')
    ),
    RUN_POLICY: variable<RunPolicy | null>('RUN_POLICY', null, parsePolicyText),
    EMBED_HOST_SUBMIT: variable('EMBED_HOST_SUBMIT', false, parseBoolean),
    PROXY_ALLOW_RUN_CANCEL: variable('PROXY_ALLOW_RUN_CANCEL', true, parseBoolean),
    PROXY_ALLOW_RUN_MESSAGES: variable('PROXY_ALLOW_RUN_MESSAGES', true, parseBoolean),
})

export interface ParseOptions {
    // RUN_POLICY_FILE is read through it; tests pass their own
    readFile?: (path: string) => string
}

function isSet(value: string | undefined): boolean {
    return value !== undefined && value.trim() !== ''
}

// Rules across variables, checked on the raw values so they report even when a value is also malformed.
function findCombinationErrors(env: Record<string, string | undefined>): string[] {
    const errors = findModeErrors(env)
    const policySources = ['RUN_POLICY', 'RUN_POLICY_FILE'].filter((name) => isSet(env[name]))
    if (policySources.length === 2) {
        errors.push('RUN_POLICY and RUN_POLICY_FILE are both set: set one of them.')
    }
    return errors
}

function findModeErrors(env: Record<string, string | undefined>): string[] {
    const present = KEY_VARIABLES.filter((name) => isSet(env[name]))
    const missing = KEY_VARIABLES.filter((name) => !isSet(env[name]))
    const errors: string[] = []
    if (present.length > 0 && missing.length > 0) {
        errors.push(
            `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: server-held key mode needs POSTHOG_HOST, POSTHOG_PERSONAL_API_KEY and POSTHOG_PROJECT_ID together (${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} set); set all three, or none for browser key mode.`
        )
    }
    if (present.length === 0) {
        for (const name of ['POSTHOG_ALLOWED_TASK_IDS', 'POSTHOG_PUBLIC_HOST', 'RUN_POLICY', 'RUN_POLICY_FILE']) {
            if (isSet(env[name])) {
                errors.push(
                    `${name} is set, but it only applies in server-held key mode: also set POSTHOG_HOST, POSTHOG_PERSONAL_API_KEY and POSTHOG_PROJECT_ID, or unset ${name}.`
                )
            }
        }
    }
    return errors
}

// Every problem at once, each naming the variable, the value (never a secret's) and what is expected.
export function parseServerConfig(
    env: Record<string, string | undefined>,
    options: ParseOptions = {}
): ServerConfigResult {
    const policyFile = readPolicyFile(env['RUN_POLICY_FILE'], options.readFile ?? readTextFile)
    const parsed = EnvSchema.safeParse({ ...env, RUN_POLICY: policyFile.text ?? env['RUN_POLICY'] })
    const combinationErrors = findCombinationErrors(env)
    const values = parsed.success ? parsed.data : undefined
    const allowedHosts = values === undefined ? undefined : resolveAllowedHosts(values, isSet(env['POSTHOG_HOST']))
    const lateErrors = [
        ...policyFile.errors,
        ...(allowedHosts?.ok === false ? [allowedHosts.error] : []),
        ...(values === undefined ? [] : findTimeoutErrors(values)),
    ]
    if (values === undefined || allowedHosts?.ok !== true || combinationErrors.length > 0 || lateErrors.length > 0) {
        const fieldErrors = parsed.success
            ? []
            : parsed.error.issues.map((issue) =>
                  // a policy read from a file is named by its variable
                  policyFile.text === undefined
                      ? issue.message
                      : issue.message.replace(
                            /^RUN_POLICY=.*? is not valid/,
                            `RUN_POLICY_FILE (${env['RUN_POLICY_FILE']?.trim() ?? ''}) is not valid`
                        )
              )
        return { ok: false, errors: [...fieldErrors, ...combinationErrors, ...lateErrors] }
    }
    const { POSTHOG_HOST: host, POSTHOG_PERSONAL_API_KEY: apiKey, POSTHOG_PROJECT_ID: projectId } = values
    const serverHeldKey =
        host !== null && apiKey !== null && projectId !== null
            ? {
                  host,
                  publicHost: values.POSTHOG_PUBLIC_HOST ?? host,
                  apiKey,
                  projectId,
                  allowedTaskIds: values.POSTHOG_ALLOWED_TASK_IDS,
                  runPolicy: values.RUN_POLICY,
              }
            : null
    return {
        ok: true,
        config: {
            port: values.PORT,
            host: values.HOST,
            distDir: values.DIST_DIR,
            buildOnStart: values.BUILD_ON_START,
            allowedPostHogHosts: values.ALLOWED_POSTHOG_HOSTS,
            allowedUploadOrigins: values.ALLOWED_UPLOAD_ORIGINS,
            embedAllowedOrigins: values.EMBED_ALLOWED_ORIGINS,
            serverHeldKey,
            proxyRateLimitPerMinute: values.PROXY_RATE_LIMIT_PER_MINUTE,
            proxyMaxBodyBytes: values.PROXY_MAX_BODY_BYTES,
            trustProxy: values.TRUST_PROXY,
            allowedHosts: allowedHosts.hosts,
            limits: {
                requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
                headersTimeoutMs: values.HEADERS_TIMEOUT_MS,
                idleTimeoutMs: values.IDLE_TIMEOUT_MS,
                maxConnections: values.MAX_CONNECTIONS,
                upstreamTimeoutMs: values.UPSTREAM_TIMEOUT_MS,
                upstreamMaxBodyBytes: values.UPSTREAM_MAX_BODY_BYTES,
            },
            embedHostSubmit: values.EMBED_HOST_SUBMIT,
            allowRunCancel: values.PROXY_ALLOW_RUN_CANCEL,
            allowRunMessages: values.PROXY_ALLOW_RUN_MESSAGES,
        },
    }
}

// Node refuses a headers timeout longer than the request timeout; say so in the settings' own terms.
function findTimeoutErrors(values: { REQUEST_TIMEOUT_MS: number; HEADERS_TIMEOUT_MS: number }): string[] {
    const { REQUEST_TIMEOUT_MS: request, HEADERS_TIMEOUT_MS: headers } = values
    return headers > request
        ? [
              `HEADERS_TIMEOUT_MS (${headers}) is longer than REQUEST_TIMEOUT_MS (${request}): the headers are part of the request, so make it shorter or equal.`,
          ]
        : []
}

type AllowedHostsResult = { ok: true; hosts: readonly string[] | null } | { ok: false; error: string }

// Loopback names on a loopback bind; a public bind holding the key must name its hosts (DNS rebinding).
function resolveAllowedHosts(
    values: { ALLOWED_HOSTS: string[] | null; HOST: string; TRUST_PROXY: boolean },
    serverHeldKey: boolean
): AllowedHostsResult {
    if (values.ALLOWED_HOSTS !== null) {
        return { ok: true, hosts: values.ALLOWED_HOSTS }
    }
    if (LOOPBACK_BIND.test(values.HOST) && !values.TRUST_PROXY) {
        return { ok: true, hosts: [...LOOPBACK_HOST_NAMES] }
    }
    if (!serverHeldKey) {
        return { ok: true, hosts: null }
    }
    const why = values.TRUST_PROXY ? 'TRUST_PROXY is on' : `HOST=${values.HOST} is not a loopback address`
    return {
        ok: false,
        error: `ALLOWED_HOSTS is not set: in server-held key mode with ${why}, name the host names users reach the launcher by (e.g. ALLOWED_HOSTS=launcher.example.com), so that a page on another site cannot reach the key through DNS rebinding.`,
    }
}

function readPolicyFile(
    path: string | undefined,
    readFile: (path: string) => string
): { text: string | undefined; errors: string[] } {
    if (path === undefined || path.trim() === '') {
        return { text: undefined, errors: [] }
    }
    const absolute = isAbsolute(path.trim()) ? path.trim() : resolve(REPO_ROOT, path.trim())
    try {
        const text = readFile(absolute)
        // an empty file would otherwise read as "no policy" and quietly drop every rule
        return text.trim() === ''
            ? {
                  text: undefined,
                  errors: [`RUN_POLICY_FILE=${JSON.stringify(path)} is empty: expected the policy's JSON.`],
              }
            : { text, errors: [] }
    } catch (error) {
        const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'
        return {
            text: undefined,
            errors: [
                `RUN_POLICY_FILE=${JSON.stringify(path)} cannot be read (${reason}): expected a readable JSON file.`,
            ],
        }
    }
}

function readTextFile(path: string): string {
    return readFileSync(path, 'utf8')
}

function findRepoRoot(start: string): string {
    let directory = start
    while (!existsSync(join(directory, 'package.json'))) {
        const parent = dirname(directory)
        if (parent === directory) {
            return resolve(start, '..')
        }
        directory = parent
    }
    return directory
}
