import { describe, expect, it, vi } from 'vitest'

import bundledSchemaDocument from '../contract/bundledSchemaDocument.json' with { type: 'json' }
import { buildExtendedSchemaDocument, buildNewerSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { ApiError, type ApiErrorInfo } from '../api/ApiError.ts'
import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import { keepSchemaWithReferences } from '../schema/keepSchemaWithReferences.ts'
import { chooseFieldModel, fieldModelKey } from './chooseFieldModel.ts'

// The real compiler, watched: a live document that is the bundled one must not reach it.
vi.mock('../schema/compileSchema.ts', async (importOriginal) => {
    const actual = await importOriginal<typeof import('../schema/compileSchema.ts')>()
    return { ...actual, compileSchema: vi.fn(actual.compileSchema) }
})

function failure(info: ApiErrorInfo, status: number): ApiError {
    return new ApiError({ info, message: 'message for the connection panel', status })
}

describe('chooseFieldModel', () => {
    it.each([
        ['offline', { status: 'offline' } as const, /^connect to PostHog/],
        ['loading', { status: 'loading' } as const, /is loading\.$/],
    ])('uses the bundled model, unsettled, while %s', (_, live, reason) => {
        const choice = chooseFieldModel(live)
        expect(choice).toMatchObject({ model: BUNDLED_FIELD_MODEL, source: 'bundled', settled: false, problems: [] })
        expect(choice.fallbackReason).toMatch(reason)
    })

    it.each<[string, ApiErrorInfo, number, RegExp]>([
        ['a 404', { kind: 'not_found' }, 404, /does not publish its API schema .*404/],
        ['a 500', { kind: 'server' }, 500, /could not be loaded \(\/api\/schema\/ answered 500\)/],
        ['garbage', { kind: 'not_posthog' }, 200, /was not JSON/],
        ['a non-document', { kind: 'unexpected' }, 200, /was not a schema document/],
        ['no network', { kind: 'network', reason: 'unreachable' }, 0, /could not be reached/],
        ['a timeout', { kind: 'network', reason: 'timeout' }, 0, /did not arrive in time/],
    ])('falls back to the bundled model on %s and says why', (_, info, status, reason) => {
        const choice = chooseFieldModel({ status: 'failed', error: failure(info, status) })
        expect(choice).toMatchObject({ model: BUNDLED_FIELD_MODEL, source: 'bundled', settled: true })
        expect(choice.fallbackReason).toMatch(reason)
    })

    it('uses a live document that compiles, with its new fields and enum values', () => {
        const choice = chooseFieldModel({ status: 'loaded', document: buildNewerSchemaDocument() })
        expect(choice).toMatchObject({ source: 'live', settled: true, problems: [], fallbackReason: undefined })
        expect(choice.model.fields.map((field) => field.name)).toEqual(
            expect.arrayContaining(['auto_merge', 'pr_title_prefix', 'context_window', 'rtk_enabled'])
        )
        const effort = choice.model.byName.get('reasoning_effort')
        expect(effort?.kind === 'enum' && effort.options.map((option) => option.value)).toContain('ultracode')
    })

    it('keeps the bundled model, and so the form, for a live document that says the same', () => {
        const document = structuredClone(bundledSchemaDocument)
        const choice = chooseFieldModel({ status: 'loaded', document })
        expect(choice).toMatchObject({ model: BUNDLED_FIELD_MODEL, source: 'live', settled: true })
        expect(fieldModelKey(choice.model)).toBe('bundled')
    })

    it('does not compile a live document that is the bundled one, as the app keeps it', () => {
        vi.mocked(compileSchema).mockClear()
        const kept = keepSchemaWithReferences(structuredClone(bundledSchemaDocument), RUN_SCHEMA_NAME)
        expect(chooseFieldModel({ status: 'loaded', document: kept }).model).toBe(BUNDLED_FIELD_MODEL)
        expect(compileSchema).not.toHaveBeenCalled()

        // One changed description is another document: compiled, and still the bundled form if its fields agree.
        const edited = structuredClone(kept) as { components: { schemas: Record<string, { description?: string }> } }
        const run = edited.components.schemas[RUN_SCHEMA_NAME]
        if (run) run.description = `${run.description ?? ''} (edited)`
        expect(chooseFieldModel({ status: 'loaded', document: edited }).model).toBe(BUNDLED_FIELD_MODEL)
        expect(compileSchema).toHaveBeenCalledTimes(1)
    })

    it('compiles each document once, so the model keeps its identity', () => {
        const document = buildNewerSchemaDocument()
        const first = chooseFieldModel({ status: 'loaded', document })
        const again = chooseFieldModel({ status: 'loaded', document })
        expect(again.model).toBe(first.model)
        expect(chooseFieldModel({ status: 'loaded', document: buildNewerSchemaDocument() }).model).not.toBe(first.model)
    })

    it('keeps a live model whose unsupported parts are reported', () => {
        const document = buildExtendedSchemaDocument()
        document.components.schemas.ClaudeTaskRunCreateSchema.properties = {
            ...document.components.schemas.ClaudeTaskRunCreateSchema.properties,
            ...{ max_cost_usd: { type: 'number' } },
        }
        const choice = chooseFieldModel({ status: 'loaded', document })
        expect(choice.source).toBe('live')
        expect(choice.model.byName.has('max_cost_usd')).toBe(false)
        expect(choice.problems).toEqual([
            { path: 'properties/max_cost_usd', message: 'The type "number" is not supported by this form.' },
        ])
    })

    it.each([
        ['without the run schema', { openapi: '3.1.0', components: { schemas: {} } }],
        ['that is an empty object', {}],
    ])('falls back with the problems listed for a document %s', (_, document) => {
        const choice = chooseFieldModel({ status: 'loaded', document })
        expect(choice).toMatchObject({ model: BUNDLED_FIELD_MODEL, source: 'bundled', settled: true })
        expect(choice.fallbackReason).toBe('PostHog’s live ClaudeTaskRunCreateSchema could not be used.')
        expect(choice.problems).toEqual([
            {
                path: 'components/schemas/ClaudeTaskRunCreateSchema',
                message: 'The document has no ClaudeTaskRunCreateSchema schema.',
            },
        ])
    })
})
