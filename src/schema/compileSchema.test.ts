import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from './bundledFieldModel.ts'
import { compileSchema } from './compileSchema.ts'
import type { Field } from './fieldModel.ts'
import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { copyBundledDocument } from './testDocuments.ts'

function field(name: string): Field {
    const found = BUNDLED_FIELD_MODEL.byName.get(name)
    if (!found) throw new Error(`no field ${name}`)
    return found
}

describe('compileSchema on the bundled document', () => {
    // The seed's 14 properties plus the 9 today's run request adds (followup §6); compileBundledFields throws on a problem.
    it('compiles all 23 properties of today’s run request with no problems', () => {
        expect(BUNDLED_FIELD_MODEL.fields).toHaveLength(23)
    })

    it.each([
        ['mode', 'enum'],
        ['branch', 'text'],
        ['resume_from_run_id', 'uuid'],
        ['pending_user_message', 'longText'],
        ['pending_user_artifact_ids', 'stringList'],
        ['sandbox_environment_id', 'uuid'],
        ['pr_authorship_mode', 'enum'],
        ['run_source', 'enum'],
        ['signal_report_id', 'text'],
        ['runtime_adapter', 'constant'],
        ['model', 'text'],
        ['reasoning_effort', 'enum'],
        ['github_user_token', 'secret'],
        ['initial_permission_mode', 'enum'],
        ['custom_image_id', 'uuid'],
        ['auto_publish', 'boolean'],
        ['context_window', 'enum'],
        ['fast_mode', 'boolean'],
        ['imported_mcp_servers', 'objectList'],
        ['relayed_mcp_servers', 'objectList'],
        ['claude_model_access', 'enum'],
        ['benjamin_enabled', 'boolean'],
        ['rtk_enabled', 'boolean'],
    ])('%s is a %s field', (name, kind) => {
        expect(field(name).kind).toBe(kind)
    })

    it('marks model and runtime_adapter required, and only them', () => {
        expect(BUNDLED_FIELD_MODEL.fields.filter((f) => f.required).map((f) => f.name)).toEqual([
            'model',
            'runtime_adapter',
        ])
    })

    it('takes enum options from the component, with human labels and descriptions', () => {
        const permission = field('initial_permission_mode')
        expect(permission.kind === 'enum' && permission.options.map((o) => o.value)).toEqual([
            'default',
            'acceptEdits',
            'plan',
            'bypassPermissions',
            'auto',
        ])
        expect(permission.kind === 'enum' && permission.options[3]).toEqual({
            value: 'bypassPermissions',
            label: 'Bypass permissions',
            description: 'Runs every command and edit without asking. Use with care.',
        })
    })

    it('applies the default and strips enum lines from help text', () => {
        const mode = field('mode')
        expect(mode.defaultValue).toBe('background')
        expect(mode.help).toBe(
            "Execution mode: 'interactive' for user-connected runs, 'background' for autonomous runs"
        )
    })

    it('labels fields from their names', () => {
        expect(field('resume_from_run_id').label).toBe('Resume from run ID')
        expect(field('github_user_token').label).toBe('GitHub user token')
        expect(field('pending_user_artifact_ids').label).toBe('Pending user artifact IDs')
    })

    it('keeps lengths, sensitivity and the fixed runtime', () => {
        expect(field('branch')).toMatchObject({ maxLength: 255 })
        expect(field('pending_user_artifact_ids')).toMatchObject({ itemMaxLength: 128 })
        expect(field('github_user_token').sensitive).toBe(true)
        expect(BUNDLED_FIELD_MODEL.fields.filter((f) => f.sensitive)).toHaveLength(1)
        expect(field('runtime_adapter')).toMatchObject({ kind: 'constant', value: 'claude' })
    })

    it('orders fields by group', () => {
        expect(BUNDLED_FIELD_MODEL.fields.map((f) => f.group)).toEqual([
            ...Array<string>(7).fill('run'),
            'prompt',
            'prompt',
            ...Array<string>(3).fill('where'),
            ...Array<string>(3).fill('pullRequests'),
            'source',
            'source',
            'resume',
            // the MCP lists, claude_model_access and the two server-side switches have no group of their own
            ...Array<string>(5).fill('other'),
        ])
    })
})

describe('compileSchema on other documents', () => {
    it('picks up new booleans and enums with no code change', () => {
        const { document, properties, schemas } = copyBundledDocument()
        properties['auto_merge'] = { type: 'boolean', nullable: true, description: 'Merge once checks pass.' }
        properties['review_depth'] = {
            allOf: [{ $ref: '#/components/schemas/ReviewDepthEnum' }],
            description: 'How closely to review.\n\n* `quick` - quick\n* `thorough` - thorough',
        }
        schemas['ReviewDepthEnum'] = {
            enum: ['quick', 'thorough'],
            type: 'string',
            description: '* `quick` - quick\n* `thorough` - thorough',
        }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.ok && result.problems).toEqual([])
        expect(result.ok && result.model.byName.get('auto_merge')).toMatchObject({
            kind: 'boolean',
            defaultValue: '',
        })
        const depth = result.ok ? result.model.byName.get('review_depth') : undefined
        expect(depth?.kind === 'enum' && depth.options.map((option) => option.value)).toEqual(['quick', 'thorough'])
    })

    it('understands OpenAPI 3.1 nullable forms', () => {
        const { document, properties, schemas } = copyBundledDocument()
        schemas['NullEnum'] = { enum: [null] }
        properties['branch'] = { type: ['string', 'null'], maxLength: 255 }
        properties['pr_authorship_mode'] = {
            oneOf: [{ $ref: '#/components/schemas/PrAuthorshipModeEnum' }, { $ref: '#/components/schemas/NullEnum' }],
        }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.ok && result.problems).toEqual([])
        expect(result.ok && result.model.byName.get('branch')?.kind).toBe('text')
        expect(result.ok && result.model.byName.get('pr_authorship_mode')?.kind).toBe('enum')
    })

    it.each([
        ['an integer', { type: 'integer' }, 'The type "integer" is not supported'],
        ['an unknown keyword', { type: 'string', pattern: '^a' }, 'The keyword "pattern" is not supported'],
        ['an unknown format', { type: 'string', format: 'date-time' }, 'The format "date-time" is not supported'],
        ['an object', { type: 'object', properties: {} }, 'An object is supported only as the item of a list'],
        ['an allOf of two', { allOf: [{ type: 'string' }, { maxLength: 2 }] }, 'allOf is supported only'],
        ['a remote ref', { $ref: 'https://example.com/x.json' }, 'Only local references'],
        ['a dangling ref', { $ref: '#/components/schemas/Nope' }, 'points to no schema'],
        ['a numeric enum', { enum: [1, 2] }, 'Only enums of strings'],
        [
            'an array of objects without properties',
            { type: 'array', items: { type: 'object' } },
            'needs the properties',
        ],
        [
            'an array of numbers',
            { type: 'array', items: { type: 'number' } },
            'Only arrays of plain strings or of objects',
        ],
        ['a non-object', 'string', 'not an object'],
        ['a union', { oneOf: [{ type: 'string' }, { type: 'boolean' }] }, 'oneOf is supported only'],
    ])('reports %s and skips the property', (_, schema, message) => {
        const { document, properties } = copyBundledDocument()
        properties['extra'] = schema
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.ok).toBe(true)
        expect(result.problems).toEqual([expect.objectContaining({ message: expect.stringContaining(message) })])
        expect(result.ok && result.model.byName.has('extra')).toBe(false)
    })

    it.each(['__proto__', 'constructor', 'prototype', 'a.b', '$x'])('refuses the property name %s', (name) => {
        const { document, schema } = copyBundledDocument()
        const properties = Object.create(null) as Record<string, unknown>
        Object.assign(properties, schema['properties'])
        Object.defineProperty(properties, name, { value: { type: 'string' }, enumerable: true })
        schema['properties'] = properties
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.problems).toEqual([
            expect.objectContaining({ message: expect.stringContaining('cannot be used') }),
        ])
    })

    it('fails when a required property cannot be compiled', () => {
        const { document, properties } = copyBundledDocument()
        properties['model'] = { type: 'integer' }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.ok).toBe(false)
        expect(result.problems.map((p) => p.message)).toContain(
            '"model" is required, so runs cannot be started from this schema.'
        )
    })

    it.each([
        ['not an object', 'garbage'],
        ['without the schema', { components: { schemas: {} } }],
        ['without properties', { components: { schemas: { ClaudeTaskRunCreateSchema: { type: 'object' } } } }],
    ])('fails clearly on a document %s', (_, document) => {
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.ok).toBe(false)
        expect(result.problems[0]?.message).toMatch(/\w/)
    })

    it('reports a default that is not an enum value', () => {
        const { document, properties } = copyBundledDocument()
        properties['mode'] = { allOf: [{ $ref: '#/components/schemas/TaskExecutionModeEnum' }], default: 'turbo' }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.problems).toEqual([expect.objectContaining({ path: 'properties/mode/default' })])
    })

    it('skips read-only properties quietly', () => {
        const { document, properties } = copyBundledDocument()
        properties['id'] = { type: 'string', readOnly: true }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.problems).toEqual([])
        expect(result.ok && result.model.byName.has('id')).toBe(false)
    })
})

describe('compileSchema on a live-like document', () => {
    type Json = Record<string, unknown>

    // A newer PostHog (extra fields, ultracode) that also grew constructs this form does not render.
    function liveLikeDocument(): { document: Json; schemas: Json; properties: Json } {
        const document: Json = buildExtendedSchemaDocument()
        const components = document['components'] as Json
        const schemas = components['schemas'] as Json
        const properties = (schemas[RUN_SCHEMA_NAME] as Json)['properties'] as Json
        Object.assign(properties, {
            max_turns: { type: 'integer', minimum: 1 },
            budget_usd: { type: 'number' },
            env: { type: 'object', additionalProperties: { type: 'string' } },
            start_after: { type: 'string', format: 'date-time' },
            slug: { type: 'string', pattern: '^[a-z]+$' },
            context_windows: { type: 'array', items: { $ref: '#/components/schemas/ContextWindowEnum' } },
            'repo-name': { type: 'string' },
            target: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
            loop: { $ref: '#/components/schemas/Loop' },
            imported_mcp_servers: { type: 'array', writeOnly: true, items: { $ref: '#/components/schemas/Mcp' } },
            tier: { allOf: [{ $ref: '#/components/schemas/TierEnum' }] },
        })
        Object.assign(schemas, {
            Loop: { $ref: '#/components/schemas/Loop' },
            Mcp: { type: 'object', properties: { url: { type: 'string' } } },
            TierEnum: { enum: [1, 2, 3], type: 'integer' },
        })
        return { document, schemas, properties }
    }

    const EXPECTED_PROBLEMS = [
        { path: 'properties/max_turns/minimum', message: 'The keyword "minimum" is not supported by this form.' },
        { path: 'properties/budget_usd', message: 'The type "number" is not supported by this form.' },
        {
            path: 'properties/env/additionalProperties',
            message: 'The keyword "additionalProperties" is not supported by this form.',
        },
        { path: 'properties/start_after/format', message: 'The format "date-time" is not supported.' },
        { path: 'properties/slug/pattern', message: 'The keyword "pattern" is not supported by this form.' },
        {
            path: 'properties/context_windows/items',
            message: 'Only arrays of plain strings or of objects are supported.',
        },
        { path: 'properties/repo-name', message: 'The property name "repo-name" cannot be used as a form field.' },
        { path: 'properties/target/oneOf', message: 'oneOf is supported only as "one schema or null".' },
        { path: 'properties/loop', message: 'References nest too deeply (or form a cycle).' },
        { path: 'properties/tier/enum', message: 'Only enums of strings are supported.' },
    ]

    it('renders the new simple fields and enum values, and reports every construct it cannot render', () => {
        const { document } = liveLikeDocument()
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        if (!result.ok) throw new Error(JSON.stringify(result.problems))
        expect(result.problems).toEqual(EXPECTED_PROBLEMS)
        const kinds = Object.fromEntries(result.model.fields.map((f) => [f.name, f.kind]))
        expect(kinds).toMatchObject({
            custom_image_id: 'uuid',
            auto_publish: 'boolean',
            context_window: 'enum',
            fast_mode: 'boolean',
            rtk_enabled: 'boolean',
        })
        const effort = result.model.byName.get('reasoning_effort')
        expect(effort?.kind === 'enum' && effort.options.at(-1)).toEqual({
            value: 'ultracode',
            label: 'Ultracode',
            description: 'Longest, most thorough runs for large code changes.',
        })
        // Every field is either rendered or reported: nothing is dropped in silence.
        const reported = new Set(result.problems.map((problem) => problem.path.split('/')[1]))
        const { properties } = liveLikeDocument()
        for (const name of Object.keys(properties)) {
            expect(result.model.byName.has(name) || reported.has(name)).toBe(true)
        }
        expect(result.model.fields).toHaveLength(23)
    })

    it('lists every problem, not just the first, when a required property is among the broken ones', () => {
        const { document, properties } = liveLikeDocument()
        properties['model'] = { type: 'string', format: 'model-id' }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.ok).toBe(false)
        expect(result.problems).toHaveLength(EXPECTED_PROBLEMS.length + 2)
        expect(result.problems).toEqual(
            expect.arrayContaining([
                ...EXPECTED_PROBLEMS,
                { path: 'properties/model/format', message: 'The format "model-id" is not supported.' },
                {
                    path: 'properties/model',
                    message: '"model" is required, so runs cannot be started from this schema.',
                },
            ])
        )
    })

    it('reports a required name with no property schema, besides the other problems', () => {
        const { document, schemas } = liveLikeDocument()
        const root = schemas[RUN_SCHEMA_NAME] as Json
        root['required'] = ['runtime_adapter', 'model', 'workspace_id']
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.ok).toBe(false)
        expect(result.problems.at(-1)).toEqual({
            path: 'required',
            message: '"workspace_id" is listed as required but has no property schema.',
        })
        expect(result.problems).toHaveLength(EXPECTED_PROBLEMS.length + 1)
    })

    it('reports a broken enum component once per property that uses it', () => {
        const { document, schemas } = copyBundledDocument()
        schemas['ReasoningEffortEnum'] = { enum: ['low', 2], type: 'string' }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result.ok).toBe(true)
        expect(result.problems).toEqual([
            { path: 'properties/reasoning_effort/enum', message: 'Only enums of strings are supported.' },
        ])
        expect(result.ok && result.model.byName.has('reasoning_effort')).toBe(false)
    })

    it('says so when the run schema is a composition rather than a list of properties', () => {
        const { document, schemas } = copyBundledDocument()
        schemas[RUN_SCHEMA_NAME] = { allOf: [{ $ref: '#/components/schemas/TaskRunCreateBase' }] }
        const result = compileSchema(document, RUN_SCHEMA_NAME)
        expect(result).toEqual({
            ok: false,
            problems: [{ path: 'properties', message: 'ClaudeTaskRunCreateSchema has no properties.' }],
        })
    })
})
