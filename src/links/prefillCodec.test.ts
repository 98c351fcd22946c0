import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import { arbitraryFormValues } from './arbitraryFormValues.ts'
import { mergeInitialValues } from './mergePrefill.ts'
import {
    buildShareLink,
    type LinkTarget,
    decodePrefill,
    encodePrefill,
    PASSTHROUGH_PARAMS,
    RESERVED_PARAMS,
    SHARE_LINK_WARNING_LENGTH,
} from './prefillCodec.ts'
import { shareableValues } from './shareableValues.ts'
import { TEST_FIELD_MODEL } from './testFieldModel.ts'

const UUID = '0b7a3b2e-58c4-4f4e-9a51-1d2f3c4b5a69'
const GITHUB_TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'
const POSTHOG_KEY = 'phx_a1b2c3d4e5f6g7h8i9j0'
const BASE = 'https://launcher.example.com/app/'

function decode(search: string, hash = '') {
    return decodePrefill(TEST_FIELD_MODEL, search, hash)
}

describe('decodePrefill', () => {
    it('reads the example from the issue', () => {
        const result = decode(
            '?model=claude-opus-5&branch=main&pending_user_artifact_ids=a&pending_user_artifact_ids=b'
        )
        expect(result.values).toEqual({ model: 'claude-opus-5', branch: 'main', pending_user_artifact_ids: ['a', 'b'] })
        expect(result.problems).toEqual([])
        expect(result.hadSecrets).toBe(false)
        expect(result.cleanedSearch).toBe(
            '?model=claude-opus-5&branch=main&pending_user_artifact_ids=a&pending_user_artifact_ids=b'
        )
    })

    it('reads the connection context', () => {
        const result = decode(`?host=https://eu.posthog.com/&project_id=12&task_id=${UUID}&v=1`)
        expect(result.connection).toEqual({ host: 'https://eu.posthog.com', projectId: '12', taskId: UUID })
        expect(result.problems).toEqual([])
        expect(result.values).toEqual({})
    })

    it.each<[string, string, string]>([
        [
            'a host that is not http(s)',
            'host=javascript:alert(1)',
            'host: "javascript:alert(1)" is not an http(s) address such as https://us.posthog.com.',
        ],
        [
            'a host that is not an address',
            'host=posthog',
            'host: "posthog" is not an http(s) address such as https://us.posthog.com.',
        ],
        ['a project id with letters', 'project_id=12a', 'project_id: "12a" is not a project ID (digits only).'],
        ['a task id that is not a uuid', 'task_id=42', 'task_id: "42" is not a task ID (a UUID).'],
        ['a repeated project id', 'project_id=1&project_id=2', 'project_id: got 2 values, but it takes one.'],
        [
            'an unknown version',
            'v=2',
            'v: link version "2" is unknown (this app reads version 1); the values were read as version 1.',
        ],
        ['a lock on an unknown field', 'lock=model,colour', 'lock: there is no field named "colour" to lock.'],
        ['a lock on a secret', 'lock=github_user_token', 'lock: "github_user_token" is a secret and cannot be locked.'],
    ])('reports %s', (_, search, message) => {
        expect(decode(`?${search}`).problems.map((problem) => problem.message)).toEqual([message])
    })

    it('still reads the values of a link with an unknown version', () => {
        expect(decode('?v=7&model=m').values).toEqual({ model: 'm' })
    })

    it('reads locked fields from one or several lock parameters', () => {
        expect(decode('?lock=model,%20branch&lock=model&lock=mode').locked).toEqual(['model', 'branch', 'mode'])
    })

    it('leaves embed parameters to the embed decoder, without problems or values', () => {
        const result = decode('?embed=1&theme=dark&parent_origin=https%3A%2F%2Fapp.example.com')
        expect(result.problems).toEqual([])
        expect(result.values).toEqual({})
    })

    it('reads the fragment, and the fragment wins per name', () => {
        const result = decode('?model=from-query&branch=main', '#model=from-fragment&mode=interactive')
        expect(result.values).toEqual({ model: 'from-fragment', branch: 'main', mode: 'interactive' })
    })

    it('ignores a fragment that is an ordinary anchor', () => {
        const result = decode('', '#advanced')
        expect(result.problems).toEqual([])
        expect(result.cleanedHash).toBe('#advanced')
    })

    it('reads run_source and its conditional field through the link', () => {
        expect(decode(`?run_source=signal_report&signal_report_id=sr-1`).values).toEqual({
            run_source: 'signal_report',
            signal_report_id: 'sr-1',
        })
    })

    it('survives malformed escapes and odd separators', () => {
        const result = decode('??model=%E0%A4%A&&=x&branch', '#')
        expect(result.values).toEqual({ model: '\uFFFD%A', branch: '' })
        expect(result.problems.map((problem) => problem.reason)).toEqual(['unknown'])
    })
})

describe('decodePrefill refuses secrets and scrubs them from the address', () => {
    it.each<[string, string, string, string, string]>([
        ['the API key', `?api_key=${POSTHOG_KEY}&model=m`, '', '?model=m', ''],
        ['a writeOnly field', '?github_user_token=abc&model=m&v=1', '', '?model=m&v=1', ''],
        ['a token in the fragment', '', `#model=m&token=${GITHUB_TOKEN}`, '', '#model=m'],
        ['a token-looking value under any name', `?branch=${GITHUB_TOKEN}`, '', '', ''],
        ['a host with credentials', '?host=https://me:hunter2@eu.posthog.com&model=m', '', '?model=m', ''],
        [
            'a secret in the query that the fragment overrides',
            `?branch=${GITHUB_TOKEN}`,
            '#branch=main',
            '',
            '#branch=main',
        ],
        ['every repeat of a refused name', '?key=a&model=m&key=b', '', '?model=m', ''],
    ])('refuses %s', (_, search, hash, cleanedSearch, cleanedHash) => {
        const result = decode(search, hash)
        expect(result.hadSecrets).toBe(true)
        expect(result.cleanedSearch).toBe(cleanedSearch)
        expect(result.cleanedHash).toBe(cleanedHash)
        expect(result.problems.filter((problem) => problem.reason === 'secret')).toHaveLength(1)
        expect(JSON.stringify(result.values)).not.toMatch(/ghp_|phx_|hunter2|abc/)
    })

    it('uses the fragment value of a name whose query value was a secret', () => {
        expect(decode(`?branch=${GITHUB_TOKEN}`, '#branch=main').values).toEqual({ branch: 'main' })
    })

    it('names the refused parameters and keeps everything else byte for byte', () => {
        const result = decode('?model=a+b&api_key=x&branch=%7Efeat', '#theme=dark')
        expect(result.refusedSecrets).toEqual(['api_key'])
        expect(result.cleanedSearch).toBe('?model=a+b&branch=%7Efeat')
        expect(result.cleanedHash).toBe('#theme=dark')
        expect(result.values).toEqual({ model: 'a b', branch: '~feat' })
    })
})

describe('encodePrefill', () => {
    it('owns no name that a schema property uses', () => {
        const reserved = [...Object.values(RESERVED_PARAMS), ...PASSTHROUGH_PARAMS]
        expect(TEST_FIELD_MODEL.fields.filter((field) => reserved.includes(field.name))).toEqual([])
    })

    it('writes v=1 first, then the connection, then non-default values in field order, then the lock', () => {
        const params = encodePrefill(
            TEST_FIELD_MODEL,
            {
                model: 'claude-opus-5',
                mode: 'background',
                runtime_adapter: 'claude',
                fast_mode: 'true',
                branch: '',
                pending_user_artifact_ids: ['a', ' ', 'b '],
                github_user_token: 'secret',
                webhook_secret: 'secret',
                $confirm_initial_permission_mode: true,
                initial_permission_mode: 'bypassPermissions',
                auto_publish: 'false',
            },
            { host: 'https://us.posthog.com', projectId: '2', taskId: UUID },
            { lock: ['model', 'github_user_token', 'colour', 'model'] }
        )
        expect([...params]).toEqual([
            ['v', '1'],
            ['host', 'https://us.posthog.com'],
            ['project_id', '2'],
            ['task_id', UUID],
            ['model', 'claude-opus-5'],
            ['initial_permission_mode', 'bypassPermissions'],
            ['pending_user_artifact_ids', 'a'],
            ['pending_user_artifact_ids', 'b'],
            ['auto_publish', 'false'],
            ['lock', 'model'],
        ])
    })

    it('leaves out a connection it would refuse on the way in', () => {
        const params = encodePrefill(TEST_FIELD_MODEL, {}, { host: 'https://u:p@x.com', projectId: 'abc', taskId: '' })
        expect(params.toString()).toBe('v=1')
    })

    it('leaves out values that look like keys or tokens', () => {
        const params = encodePrefill(TEST_FIELD_MODEL, { branch: GITHUB_TOKEN, labels: ['ok', POSTHOG_KEY] })
        expect(params.toString()).toBe('v=1')
    })
})

describe('buildShareLink', () => {
    const params = new URLSearchParams('v=1&model=m&labels=a&labels=b')

    it('puts the values in the query, replacing the base query and fragment', () => {
        expect(buildShareLink(`${BASE}?old=1#x`, params, 'query')).toEqual({
            url: `${BASE}?v=1&model=m&labels=a&labels=b`,
            tooLong: false,
            included: ['model', 'labels'],
        })
    })

    it('puts the values in the fragment in fragment mode', () => {
        expect(buildShareLink(BASE, params, 'fragment').url).toBe(`${BASE}#v=1&model=m&labels=a&labels=b`)
    })

    it('warns about links longer than 2,000 characters', () => {
        const long = new URLSearchParams({ pending_user_message: 'x'.repeat(SHARE_LINK_WARNING_LENGTH) })
        expect(buildShareLink(BASE, long, 'query').tooLong).toBe(true)
        const exact = new URLSearchParams({ m: 'x'.repeat(SHARE_LINK_WARNING_LENGTH - BASE.length - 3) })
        expect(buildShareLink(BASE, exact, 'query')).toMatchObject({ tooLong: false })
        expect(buildShareLink(BASE, exact, 'query').url).toHaveLength(SHARE_LINK_WARNING_LENGTH)
    })
})

const hosts = fc
    .tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.constantFrom('', '/posthog'))
    .map(([scheme, domain, path]) => `${scheme}://${domain}${path}`)

const connections: fc.Arbitrary<LinkTarget> = fc.record(
    {
        host: hosts,
        projectId: fc.bigInt({ min: 0n, max: 10n ** 18n }).map(String),
        taskId: fc.uuid(),
    },
    { requiredKeys: [] }
)

const models: [string, FieldModel][] = [
    ['the bundled model', BUNDLED_FIELD_MODEL],
    ['a model with booleans and more', TEST_FIELD_MODEL],
]

describe.each(models)('round trip on %s', (_, model) => {
    it('decode(encode(values)) equals the shareable normal form of values, in either mode', () => {
        fc.assert(
            fc.property(
                arbitraryFormValues(model),
                connections,
                fc.constantFrom('query' as const, 'fragment' as const),
                (values, connection, mode) => {
                    const link = new URL(buildShareLink(BASE, encodePrefill(model, values, connection), mode).url)
                    const decoded = decodePrefill(model, link.search, link.hash)
                    expect(decoded.problems).toEqual([])
                    expect(decoded.values).toEqual(shareableValues(model, values))
                    expect(decoded.connection).toEqual(connection)
                }
            )
        )
    })

    it('the normal form is a fixed point, and fills the form as the original values would', () => {
        fc.assert(
            fc.property(arbitraryFormValues(model), (values) => {
                const shared = shareableValues(model, values)
                expect(shareableValues(model, shared)).toEqual(shared)
                const decoded = decodePrefill(model, `?${encodePrefill(model, values).toString()}`, '').values
                const asSent = (formValues: FormValues) =>
                    shareableValues(model, mergeInitialValues(model, { url: formValues }))
                expect(asSent(decoded)).toEqual(asSent(values))
            })
        )
    })

    it('carries the lock list', () => {
        const names = model.fields.filter((field) => !field.sensitive).map((field) => field.name)
        fc.assert(
            fc.property(fc.uniqueArray(fc.constantFrom(...names)), (lock) => {
                const params = encodePrefill(model, {}, {}, { lock })
                expect(decodePrefill(model, `?${params.toString()}`, '').locked).toEqual(lock)
            })
        )
    })
})

describe('junk links', () => {
    const names = fc.oneof(
        fc.constantFrom(
            ...TEST_FIELD_MODEL.fields.map((field) => field.name),
            ...Object.values(RESERVED_PARAMS),
            ...PASSTHROUGH_PARAMS,
            '__proto__',
            'constructor',
            'prototype',
            'api_key'
        ),
        fc.string()
    )
    const values = fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary' }),
        fc.constantFrom('true', 'claude', UUID, GITHUB_TOKEN)
    )

    it('never throw, and every field parameter is applied or reported', () => {
        fc.assert(
            fc.property(fc.array(fc.tuple(names, values)), fc.boolean(), (pairs, inFragment) => {
                const query = new URLSearchParams(pairs).toString()
                const result = inFragment ? decode('', `#${query}=`) : decode(`?${query}`)
                const reported = new Set(result.problems.map((problem) => problem.name))
                const reserved = new Set<string>([...Object.values(RESERVED_PARAMS), ...PASSTHROUGH_PARAMS])
                for (const [name] of pairs) {
                    if (reserved.has(name)) continue
                    expect(Object.hasOwn(result.values, name) || reported.has(name)).toBe(true)
                }
                expect(Object.getPrototypeOf(result.values)).toBe(Object.prototype)
            })
        )
    })

    it('never throw on any text at all', () => {
        fc.assert(
            fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (search, hash) => {
                expect(() => decode(search, hash)).not.toThrow()
            })
        )
    })
})

describe('secrets never survive', () => {
    const secrets = fc.constantFrom(GITHUB_TOKEN, POSTHOG_KEY, 'github_pat_11AAAAAA', 'gho_xyz', 'phs_project')
    const secretNames = fc.constantFrom(
        'github_user_token',
        'webhook_secret',
        'api_key',
        'token',
        'key',
        'personal_api_key'
    )

    it('into values, the cleaned address, encode output or links', () => {
        fc.assert(
            fc.property(
                arbitraryFormValues(TEST_FIELD_MODEL),
                fc.constantFrom(...TEST_FIELD_MODEL.fields.map((field) => field.name)),
                secrets,
                secretNames,
                (values, field, secret, secretName) => {
                    const tainted = {
                        ...values,
                        [field]: `x ${secret}`,
                        [secretName]: secret,
                        github_user_token: secret,
                    }
                    const params = encodePrefill(TEST_FIELD_MODEL, tainted)
                    expect(params.toString()).not.toContain(secret.slice(0, 6))
                    const hostile = new URLSearchParams([
                        [field, secret],
                        [secretName, 'plain'],
                        ['model', 'm'],
                    ])
                    const result = decode(`?${hostile.toString()}`, `#${hostile.toString()}`)
                    expect(JSON.stringify(result.values)).not.toContain(secret)
                    expect(result.cleanedSearch + result.cleanedHash).not.toContain(secret.slice(0, 6))
                    expect(result.cleanedSearch + result.cleanedHash).not.toContain(`${secretName}=`)
                    expect(result.hadSecrets).toBe(true)
                }
            )
        )
    })
})
