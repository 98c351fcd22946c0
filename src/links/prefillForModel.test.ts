import { describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import type { FieldModel } from '../schema/fieldModel.ts'
import { decodePrefill } from './prefillCodec.ts'
import { deferUnknownParams, prefillForModel } from './prefillForModel.ts'

function liveModel(): FieldModel {
    const result = compileSchema(buildExtendedSchemaDocument(), RUN_SCHEMA_NAME)
    if (!result.ok) throw new Error('the extended document should compile')
    return result.model
}

const LIVE = liveModel()
const SEARCH = '?auto_publish=true&context_window=1m&reasoning_effort=ultracode&colour=blue&lock=fast_mode'

describe('prefillForModel', () => {
    it('applies link values for fields only the live schema has, and reports only what it lacks', () => {
        const startup = decodePrefill(BUNDLED_FIELD_MODEL, SEARCH, '')
        expect(startup.problems.map((problem) => problem.name)).toEqual([
            'lock',
            'auto_publish',
            'context_window',
            'reasoning_effort',
            'colour',
        ])

        const live = prefillForModel(LIVE, startup)
        expect(live.values).toEqual({ auto_publish: 'true', context_window: '1m', reasoning_effort: 'ultracode' })
        expect(live.locked).toEqual(['fast_mode'])
        expect(live.problems.map((problem) => problem.name)).toEqual(['colour'])
    })

    it('keeps the secrets refused at start-up refused and reported', () => {
        const startup = decodePrefill(BUNDLED_FIELD_MODEL, '?github_user_token=ghp_leaked123&auto_publish=true', '')
        expect(startup.cleanedSearch).toBe('?auto_publish=true')
        const live = prefillForModel(LIVE, startup)
        expect(live.hadSecrets).toBe(true)
        expect(live.refusedSecrets).toEqual(['github_user_token'])
        expect(live.problems).toEqual([expect.objectContaining({ name: 'github_user_token', reason: 'secret' })])
        expect(live.values).toEqual({ auto_publish: 'true' })
    })

    it('reads the fragment too', () => {
        const live = prefillForModel(LIVE, decodePrefill(BUNDLED_FIELD_MODEL, '', '#fast_mode=false'))
        expect(live.values).toEqual({ fast_mode: 'false' })
        expect(live.problems).toEqual([])
    })
})

describe('deferUnknownParams', () => {
    it('says an unknown parameter may still apply, and leaves other problems alone', () => {
        const { problems } = decodePrefill(BUNDLED_FIELD_MODEL, '?auto_publish=true&mode=turbo', '')
        const offline = deferUnknownParams(problems, false)
        expect(offline[0]?.message).toMatch(
            /^auto_publish: .*live run schema may have it: it applies once you are connected\.$/
        )
        expect(offline[1]).toBe(problems[1])
        expect(deferUnknownParams(problems, true)[0]?.message).toMatch(/when that schema has loaded\.$/)
    })
})
