import { describe, expect, it } from 'vitest'

import { buildNewerSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import type { FieldModel } from '../schema/fieldModel.ts'
import { decodePrefill } from './prefillCodec.ts'
import { deferUnknownParams, prefillForModel } from './prefillForModel.ts'

function liveModel(): FieldModel {
    const result = compileSchema(buildNewerSchemaDocument(), RUN_SCHEMA_NAME)
    if (!result.ok) throw new Error('the newer document should compile')
    return result.model
}

const LIVE = liveModel()
const SEARCH = '?auto_merge=true&pr_title_prefix=ops&reasoning_effort=ultracode&colour=blue&lock=auto_merge'

describe('prefillForModel', () => {
    it('applies link values for fields only the live schema has, and reports only what it lacks', () => {
        const startup = decodePrefill(BUNDLED_FIELD_MODEL, SEARCH, '')
        expect(startup.problems.map((problem) => problem.name)).toEqual([
            'lock',
            'auto_merge',
            'pr_title_prefix',
            'colour',
        ])

        const live = prefillForModel(LIVE, startup)
        expect(live.values).toEqual({ auto_merge: 'true', pr_title_prefix: 'ops', reasoning_effort: 'ultracode' })
        expect(live.locked).toEqual(['auto_merge'])
        expect(live.problems.map((problem) => problem.name)).toEqual(['colour'])
    })

    it('keeps the secrets refused at start-up refused and reported', () => {
        const startup = decodePrefill(BUNDLED_FIELD_MODEL, '?github_user_token=ghp_leaked123&auto_merge=true', '')
        expect(startup.cleanedSearch).toBe('?auto_merge=true')
        const live = prefillForModel(LIVE, startup)
        expect(live.hadSecrets).toBe(true)
        expect(live.refusedSecrets).toEqual(['github_user_token'])
        expect(live.problems).toEqual([expect.objectContaining({ name: 'github_user_token', reason: 'secret' })])
        expect(live.values).toEqual({ auto_merge: 'true' })
    })

    it('reads the fragment too', () => {
        const live = prefillForModel(LIVE, decodePrefill(BUNDLED_FIELD_MODEL, '', '#fast_mode=false'))
        expect(live.values).toEqual({ fast_mode: 'false' })
        expect(live.problems).toEqual([])
    })
})

describe('deferUnknownParams', () => {
    it('says an unknown parameter may still apply, and leaves other problems alone', () => {
        const { problems } = decodePrefill(BUNDLED_FIELD_MODEL, '?auto_merge=true&mode=turbo', '')
        const offline = deferUnknownParams(problems, false)
        expect(offline[0]?.message).toMatch(
            /^auto_merge: .*live run schema may have it: it applies once you are connected\.$/
        )
        expect(offline[1]).toBe(problems[1])
        expect(deferUnknownParams(problems, true)[0]?.message).toMatch(/when that schema has loaded\.$/)
    })
})
