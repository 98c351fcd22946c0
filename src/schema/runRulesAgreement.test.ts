import { describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { DEMO_MODELS } from '../../fake-posthog/seedData.ts'
import { validateRunRequest } from '../../fake-posthog/validateRunRequest.ts'
import { RUN_SCHEMA_NAME } from './bundledFieldModel.ts'
import { compileSchema } from './compileSchema.ts'
import type { RuleContext } from './fieldRules.ts'
import { buildRequestBody } from './buildRequestBody.ts'
import { validateRunBody } from './validateRunBody.ts'
import { validateValues } from './validateValues.ts'

const compiled = compileSchema(buildExtendedSchemaDocument(), RUN_SCHEMA_NAME)
if (!compiled.ok) throw new Error('today’s schema did not compile')
const MODEL = compiled.model
const CONTEXT: RuleContext = {
    models: DEMO_MODELS.map((entry) => ({
        runtimeAdapter: entry.runtime_adapter,
        model: entry.model,
        displayName: entry.display_name,
        supportedEfforts: entry.supported_efforts,
    })),
}

const CLAUDE = { runtime_adapter: 'claude', model: 'claude-sonnet-5' }
const SERVER = { type: 'http', name: 'linear', url: 'https://mcp.linear.app/mcp' }
const UUID = '0b7a3b2e-58c4-4f4e-9a51-1d2f3c4b5a69'

// §7 of the run follow-up contract, as payloads: 'accepted', or the field PostHog names in its 400.
const TABLE: [string, Record<string, unknown>, string][] = [
    ['no model and no adapter: PostHog uses the saved defaults', { pending_user_message: 'Hi' }, 'accepted'],
    ['an empty body', {}, 'accepted'],
    ['model without adapter', { model: 'claude-sonnet-5' }, 'runtime_adapter'],
    ['adapter without model', { runtime_adapter: 'claude' }, 'model'],
    ['an effort alone selects a runtime', { reasoning_effort: 'high' }, 'runtime_adapter'],
    ['a context window alone selects a runtime', { context_window: '200k' }, 'runtime_adapter'],
    ['fast mode alone selects a runtime', { fast_mode: false }, 'runtime_adapter'],
    ['model and adapter', CLAUDE, 'accepted'],
    ['ultracode where the model lists it', { ...CLAUDE, reasoning_effort: 'ultracode' }, 'accepted'],
    [
        'ultracode where it does not',
        { ...CLAUDE, model: 'claude-sonnet-4-6', reasoning_effort: 'ultracode' },
        'reasoning_effort',
    ],
    [
        'a model id PostHog normalises',
        { ...CLAUDE, model: ' Anthropic/Claude-Sonnet-5 ', reasoning_effort: 'max' },
        'accepted',
    ],
    [
        'an effort for an unknown Claude model',
        { ...CLAUDE, model: 'claude-nope-1', reasoning_effort: 'low' },
        'reasoning_effort',
    ],
    ['an unknown model without an effort', { ...CLAUDE, model: 'claude-nope-1' }, 'accepted'],
    ['an effort that is no effort', { ...CLAUDE, reasoning_effort: 'extreme' }, 'reasoning_effort'],
    ['a blank branch', { ...CLAUDE, branch: '  ' }, 'branch'],
    ['an empty branch', { ...CLAUDE, branch: '' }, 'branch'],
    ['a branch of a tab and a newline', { ...CLAUDE, branch: '\t\n' }, 'branch'],
    ['a branch with spaces around it', { ...CLAUDE, branch: ' fix/login ' }, 'accepted'],
    ['a null branch', { ...CLAUDE, branch: null }, 'accepted'],
    ['a branch of 255 code points', { ...CLAUDE, branch: '🌿'.repeat(255) }, 'accepted'],
    ['a branch of 256 characters', { ...CLAUDE, branch: 'b'.repeat(256) }, 'branch'],
    ['a malformed context window', { ...CLAUDE, context_window: '2m' }, 'context_window'],
    ['1m on a model with it', { ...CLAUDE, context_window: '1m' }, 'accepted'],
    ['1m on a model without it', { ...CLAUDE, model: 'claude-opus-4-5', context_window: '1m' }, 'context_window'],
    ['fast mode on a model with it', { ...CLAUDE, model: 'claude-opus-4-7', fast_mode: true }, 'accepted'],
    ['fast mode on a model without it', { ...CLAUDE, fast_mode: true }, 'fast_mode'],
    ['fast mode off on any model', { ...CLAUDE, fast_mode: false }, 'accepted'],
    [
        'null tri-state booleans',
        { ...CLAUDE, auto_publish: null, rtk_enabled: null, benjamin_enabled: null },
        'accepted',
    ],
    ['null where null is refused', { ...CLAUDE, pending_user_message: null }, 'pending_user_message'],
    ['a hyphen-less UUID', { ...CLAUDE, sandbox_environment_id: UUID.replaceAll('-', '') }, 'accepted'],
    ['a UUID that is not one', { ...CLAUDE, custom_image_id: 'latest' }, 'custom_image_id'],
    // followup §4: the newest serializer takes a mode without an adapter and clamps it to the resolved runtime
    ['a permission mode without an adapter', { initial_permission_mode: 'plan' }, 'accepted'],
    [
        'a permission mode without an adapter, beside a message',
        { pending_user_message: 'Hi', initial_permission_mode: 'acceptEdits' },
        'accepted',
    ],
    ['a permission mode with its adapter', { ...CLAUDE, initial_permission_mode: 'bypassPermissions' }, 'accepted'],
    ['a permission mode no runtime has', { initial_permission_mode: 'ask-always' }, 'initial_permission_mode'],
    ['a Codex mode on Claude', { ...CLAUDE, initial_permission_mode: 'read-only' }, 'initial_permission_mode'],
    ['unknown fields are ignored', { ...CLAUDE, surprise: 1 }, 'accepted'],
    ['run source agent', { ...CLAUDE, run_source: 'agent' }, 'accepted'],
    ['own-subscription from a key', { ...CLAUDE, claude_model_access: 'own-subscription' }, 'claude_model_access'],
    ['the PostHog gateway', { ...CLAUDE, claude_model_access: 'posthog-gateway' }, 'accepted'],
    [
        'two MCP servers with headers',
        { ...CLAUDE, imported_mcp_servers: [SERVER, { ...SERVER, type: 'sse', headers: [{ name: 'A', value: 'b' }] }] },
        'accepted',
    ],
    [
        '21 MCP servers',
        { ...CLAUDE, imported_mcp_servers: Array.from({ length: 21 }, () => SERVER) },
        'imported_mcp_servers',
    ],
    [
        'an MCP server without an address',
        { ...CLAUDE, imported_mcp_servers: [{ ...SERVER, url: 'mcp.linear.app' }] },
        'imported_mcp_servers',
    ],
    // Django's URLValidator, which PostHog's URLField uses as is: http, https, ftp and ftps, with a host
    ...(
        [
            ['https://mcp.linear.app/mcp', 'accepted'],
            ['http://localhost:8080/mcp', 'accepted'],
            ['HTTPS://MCP.LINEAR.APP/mcp', 'accepted'],
            ['ftp://files.example.com/mcp', 'accepted'],
            ['ftps://files.example.com/mcp', 'accepted'],
            ['ws://mcp.example.com/socket', 'imported_mcp_servers'],
            ['file:///etc/passwd', 'imported_mcp_servers'],
            ['javascript:alert(1)', 'imported_mcp_servers'],
            ['mailto:ops@example.com', 'imported_mcp_servers'],
            ['https://', 'imported_mcp_servers'],
        ] as const
    ).map(([url, verdict]): [string, Record<string, unknown>, string] => [
        `an MCP server at ${url}`,
        { ...CLAUDE, imported_mcp_servers: [{ ...SERVER, url }] },
        verdict,
    ]),
    [
        'an MCP server name of 65',
        { ...CLAUDE, imported_mcp_servers: [{ ...SERVER, name: 'n'.repeat(65) }] },
        'imported_mcp_servers',
    ],
    [
        'an MCP header value of 4097',
        { ...CLAUDE, imported_mcp_servers: [{ ...SERVER, headers: [{ name: 'A', value: 'v'.repeat(4097) }] }] },
        'imported_mcp_servers',
    ],
    [
        'an MCP transport that is none',
        { ...CLAUDE, imported_mcp_servers: [{ ...SERVER, type: 'ws' }] },
        'imported_mcp_servers',
    ],
]

// Only PostHog's server can judge these: the app accepts them, and the answer comes back from PostHog.
const SERVER_ONLY: [string, Record<string, unknown>][] = [
    ['a run of another task to resume', { ...CLAUDE, resume_from_run_id: UUID }],
    ['an expired or unknown staged artifact', { ...CLAUDE, pending_user_artifact_ids: ['art_expired'] }],
    [
        'an MCP host that resolves to a private address',
        { ...CLAUDE, imported_mcp_servers: [{ ...SERVER, url: 'https://intranet.acme.test/mcp' }] },
    ],
]

// What the form sends for what the user left in the branch field, and whether it lets the run start at all.
const BRANCH_IN_THE_FORM: [string, string, 'omitted' | 'refused' | 'sent'][] = [
    ['an empty field', '', 'omitted'],
    ['spaces typed', '   ', 'refused'],
    ['a name with spaces around it', ' fix/login ', 'sent'],
]

// The app describes the Claude variant, so it refuses what PostHog would clamp to whatever runtime it resolves.
const APP_STRICTER: [string, Record<string, unknown>, string][] = [
    [
        'a Codex-only permission mode without an adapter',
        { initial_permission_mode: 'read-only' },
        'initial_permission_mode',
    ],
]

function appVerdict(body: Record<string, unknown>): { accepted: boolean; fields: string[] } {
    const issues = validateRunBody(MODEL, body, CONTEXT)
    // A row's field (imported_mcp_servers.0.url) answers for its list, as PostHog's first-error attr starts with it.
    return { accepted: issues.length === 0, fields: issues.map((issue) => issue.field.split('.')[0] ?? '') }
}

function fakeVerdict(body: Record<string, unknown>): { accepted: boolean; field: string | null } {
    const result = validateRunRequest(body, DEMO_MODELS)
    if (result.ok) return { accepted: true, field: null }
    const failure = result.failure.body
    const attr = typeof failure === 'object' && failure !== null && 'attr' in failure ? failure.attr : null
    return { accepted: false, field: typeof attr === 'string' ? (attr.split('__')[0] ?? attr) : null }
}

describe('the run rules of §7: the app’s validator and the local PostHog agree', () => {
    it.each(TABLE)('%s', (_, body, expected) => {
        const app = appVerdict(body)
        const fake = fakeVerdict(body)
        if (expected === 'accepted') {
            expect(app).toEqual({ accepted: true, fields: [] })
            expect(fake).toEqual({ accepted: true, field: null })
        } else {
            expect(fake).toEqual({ accepted: false, field: expected })
            expect(app.accepted).toBe(false)
            expect(app.fields).toContain(expected)
        }
    })

    it.each(BRANCH_IN_THE_FORM)('a branch field holding %s is %s', (_, branch, outcome) => {
        const values = { ...CLAUDE, branch }
        const formIssues = validateValues(MODEL, values, CONTEXT).map((issue) => issue.field)
        const body = buildRequestBody(MODEL, values, CONTEXT)
        // whatever the form lets through, PostHog accepts; what it refuses, PostHog would refuse on branch too
        if (outcome === 'refused') {
            expect(formIssues).toEqual(['branch'])
            expect(fakeVerdict({ ...CLAUDE, branch })).toEqual({ accepted: false, field: 'branch' })
        } else {
            expect(formIssues).toEqual([])
            expect('branch' in body).toBe(outcome === 'sent')
            expect(fakeVerdict(body)).toEqual({ accepted: true, field: null })
        }
    })

    it.each(APP_STRICTER)('the app is stricter on %s: PostHog accepts it', (_, body, field) => {
        expect(fakeVerdict(body)).toEqual({ accepted: true, field: null })
        expect(appVerdict(body)).toEqual({ accepted: false, fields: [field] })
    })

    it.each(SERVER_ONLY)('only the server can judge %s: the app lets it through', (_, body) => {
        expect(appVerdict(body).accepted).toBe(true)
        expect(fakeVerdict(body).accepted).toBe(true)
    })
})
