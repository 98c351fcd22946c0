import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { buildNewerSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import bundledSchemaDocument from '../contract/bundledSchemaDocument.json'
import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import type { FieldModel } from '../schema/fieldModel.ts'
import { useFormSeed, type LinkValues } from './useFormSeed.ts'

function compile(document: unknown): FieldModel {
    const result = compileSchema(document, RUN_SCHEMA_NAME)
    if (!result.ok) throw new Error('should compile')
    return result.model
}

const LINK: LinkValues = { values: { branch: 'from-link' }, locked: [] }

function renderSeed() {
    return renderHook(({ model, link }: { model: FieldModel; link: LinkValues }) => useFormSeed(model, link), {
        initialProps: { model: BUNDLED_FIELD_MODEL, link: LINK },
    })
}

describe('useFormSeed', () => {
    it('starts from the link and the schema defaults', () => {
        const { result } = renderSeed()
        expect(result.current.values).toMatchObject({ branch: 'from-link', mode: 'background' })
        expect(result.current.valuesChannel.getSnapshot()).toBe(result.current.values)
    })

    it('keeps the form mounted for a live model with the same fields', () => {
        const { result, rerender } = renderSeed()
        const before = result.current
        rerender({ model: compile(structuredClone(bundledSchemaDocument)), link: LINK })
        expect(result.current.key).toBe(before.key)
        expect(result.current.values).toBe(before.values)
    })

    it('remounts for a model with new fields, carrying what was typed and the link values for them', () => {
        const { result, rerender } = renderSeed()
        const before = result.current
        act(() => {
            before.valuesChannel.publish({ ...before.values, pending_user_message: 'typed' })
        })
        rerender({
            model: compile(buildNewerSchemaDocument()),
            link: { values: { branch: 'from-link', auto_merge: 'true' }, locked: [] },
        })
        expect(result.current.key).not.toBe(before.key)
        expect(result.current.values).toMatchObject({
            pending_user_message: 'typed',
            branch: 'from-link',
            auto_merge: 'true',
            pr_title_prefix: '',
        })
        expect(result.current.valuesChannel.getSnapshot()).toBe(result.current.values)
    })
})
