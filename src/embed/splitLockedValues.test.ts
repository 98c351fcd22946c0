import { describe, expect, it } from 'vitest'

import type { FormValues } from '../schema/fieldModel.ts'
import { splitLockedValues } from './splitLockedValues.ts'

describe('splitLockedValues', () => {
    it.each<[string, FormValues, string[], FormValues, string[]]>([
        ['nothing locked', { branch: 'x', model: 'm' }, [], { branch: 'x', model: 'm' }, []],
        ['a locked field is refused', { branch: 'x', model: 'm' }, ['branch'], { model: 'm' }, ['branch']],
        ['every field locked', { branch: 'x', model: 'm' }, ['model', 'branch'], {}, ['branch', 'model']],
        ['a lock on a field not sent', { model: 'm' }, ['branch'], { model: 'm' }, []],
        ['an empty value is still a change', { branch: '' }, ['branch'], {}, ['branch']],
        ['a list', { repos: ['a', 'b'] }, ['repos'], {}, ['repos']],
    ])('%s', (_name, values, locked, applied, refused) => {
        expect(splitLockedValues(values, new Set(locked))).toEqual({ applied, refused })
    })
})
