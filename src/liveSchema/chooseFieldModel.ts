import type { ApiError } from '../api/ApiError.ts'
import { BUNDLED_FIELD_MODEL, BUNDLED_SCHEMA_FINGERPRINT, RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema, type CompileResult } from '../schema/compileSchema.ts'
import type { FieldModel, SchemaProblem } from '../schema/fieldModel.ts'
import { schemaFingerprint } from '../schema/schemaFingerprint.ts'
import { lazyValue } from '../lib/lazyValue.ts'

export type SchemaSource = 'bundled' | 'live'

/** Where PostHog's live schema document stands. */
export type LiveSchemaState =
    | { status: 'offline' }
    | { status: 'loading' }
    | { status: 'failed'; error: ApiError }
    | { status: 'loaded'; document: object }

export interface FieldModelChoice {
    model: FieldModel
    source: SchemaSource
    /** False until the live document was read or refused (not connected yet, or on its way). */
    settled: boolean
    /** What the live document had that this form cannot render, or why it could not be used at all. */
    problems: readonly SchemaProblem[]
    /** Why the bundled schema is in use, said to follow "Using the bundled schema: "; undefined when live. */
    fallbackReason: string | undefined
}

const NO_PROBLEMS: readonly SchemaProblem[] = []

// One compile per document, so the model (and the form keyed on it) keeps its identity across renders.
const compiled = new WeakMap<object, CompileResult>()

const BUNDLED_FIELDS = lazyValue(() => JSON.stringify(BUNDLED_FIELD_MODEL.fields))

export function compileLiveDocument(document: object): CompileResult {
    let result = compiled.get(document)
    if (!result && schemaFingerprint(document) === BUNDLED_SCHEMA_FINGERPRINT) {
        // PostHog serves the schema the app bundles: its fields are compiled already, and a compile would hold up keys.
        result = { ok: true, model: BUNDLED_FIELD_MODEL, problems: NO_PROBLEMS }
        compiled.set(document, result)
    }
    if (!result) {
        result = compileSchema(document, RUN_SCHEMA_NAME)
        // A live schema that says what the bundled one says keeps the form it has: no remount under the user's fingers.
        if (result.ok && JSON.stringify(result.model.fields) === BUNDLED_FIELDS()) {
            result = { ...result, model: BUNDLED_FIELD_MODEL }
        }
        compiled.set(document, result)
    }
    return result
}

const modelKeys = new WeakMap<FieldModel, string>()
let compiledModels = 0

/** A stable name for a model, for React keys: the form remounts when the model changes. */
export function fieldModelKey(model: FieldModel): string {
    let key = modelKeys.get(model)
    if (key === undefined) {
        key = model === BUNDLED_FIELD_MODEL ? 'bundled' : `live-${++compiledModels}`
        modelKeys.set(model, key)
    }
    return key
}

function failureReason(error: ApiError): string {
    switch (error.info.kind) {
        case 'network':
            return error.info.reason === 'timeout'
                ? 'PostHog’s live run schema did not arrive in time.'
                : 'PostHog’s live run schema could not be reached.'
        case 'not_found':
            return 'this PostHog does not publish its API schema (/api/schema/ answered 404).'
        case 'not_posthog':
            return 'PostHog’s answer from /api/schema/ was not JSON.'
        case 'unexpected':
            return 'PostHog’s answer from /api/schema/ was not a schema document.'
        default:
            return `PostHog’s live run schema could not be loaded (/api/schema/ answered ${error.status}).`
    }
}

function bundled(settled: boolean, fallbackReason: string, problems = NO_PROBLEMS): FieldModelChoice {
    return { model: BUNDLED_FIELD_MODEL, source: 'bundled', settled, problems, fallbackReason }
}

/** The field model to render: the live document when it compiles, otherwise the bundled one and why. */
export function chooseFieldModel(live: LiveSchemaState): FieldModelChoice {
    switch (live.status) {
        case 'offline':
            return bundled(false, 'connect to PostHog to load its live run schema.')
        case 'loading':
            return bundled(false, 'PostHog’s live run schema is loading.')
        case 'failed':
            return bundled(true, failureReason(live.error))
        case 'loaded': {
            const result = compileLiveDocument(live.document)
            if (!result.ok) {
                return bundled(true, `PostHog’s live ${RUN_SCHEMA_NAME} could not be used.`, result.problems)
            }
            return {
                model: result.model,
                source: 'live',
                settled: true,
                problems: result.problems,
                fallbackReason: undefined,
            }
        }
    }
}
