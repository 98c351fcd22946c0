import { renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import type { FieldModel } from '../schema/fieldModel.ts'
import { decodePrefill } from './prefillCodec.ts'
import { useLinkPrefill } from './useLinkPrefill.ts'

/** The extended live schema, plus a writeOnly property the bundled one does not have. */
function liveModel(): FieldModel {
    const document = buildExtendedSchemaDocument()
    const schema: unknown = Reflect.get(document.components.schemas, RUN_SCHEMA_NAME)
    if (typeof schema !== 'object' || schema === null) throw new Error('the extended document has the run schema')
    Reflect.set(Reflect.get(schema, 'properties') as object, 'deploy_token', { type: 'string', writeOnly: true })
    const compiled = compileSchema(document, RUN_SCHEMA_NAME)
    if (!compiled.ok) throw new Error('the extended document compiles')
    return compiled.model
}

afterEach(() => {
    window.history.replaceState(null, '', '/')
})

describe('useLinkPrefill', () => {
    it('keeps the start-up decoding for the bundled model and leaves the address bar alone', () => {
        window.history.replaceState(null, '', '/?branch=main')
        const startup = decodePrefill(BUNDLED_FIELD_MODEL, '?branch=main', '')
        const { result } = renderHook(() =>
            useLinkPrefill({ startup, model: BUNDLED_FIELD_MODEL, settled: true, connected: false })
        )
        expect(result.current.prefill).toBe(startup)
        expect(window.location.search).toBe('?branch=main')
    })

    it('says an unknown parameter may apply later, until the live schema has settled', () => {
        const startup = decodePrefill(BUNDLED_FIELD_MODEL, '?not_a_field=1', '')
        const { result, rerender } = renderHook(
            ({ settled }: { settled: boolean }) =>
                useLinkPrefill({ startup, model: BUNDLED_FIELD_MODEL, settled, connected: true }),
            { initialProps: { settled: false } }
        )
        expect(result.current.problems[0]?.message).toContain('live run schema may have it')
        rerender({ settled: true })
        expect(result.current.problems[0]?.message).not.toContain('live run schema may have it')
    })

    it('decodes the link again for a live model: its new fields take link values, its secrets are refused', () => {
        const model = liveModel()
        const search = '?branch=main&deploy_token=s3cret&auto_publish=true'
        window.history.replaceState(null, '', `/${search}`)
        const startup = decodePrefill(BUNDLED_FIELD_MODEL, search, '')
        const { result } = renderHook(() => useLinkPrefill({ startup, model, settled: true, connected: true }))
        expect(result.current.prefill.hadSecrets).toBe(true)
        expect(result.current.prefill.values).toEqual({ branch: 'main', auto_publish: 'true' })
        expect(result.current.prefill.values).not.toHaveProperty('deploy_token')
    })
})
