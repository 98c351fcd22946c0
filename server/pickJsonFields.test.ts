import { describe, expect, it } from 'vitest'

import { pickJsonFields } from './pickJsonFields.ts'

describe('pickJsonFields', () => {
    it('keeps only the named fields that are present', () => {
        const user = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', organization: { id: 'o' } }
        expect(pickJsonFields(user, ['first_name', 'last_name', 'uuid'])).toEqual({
            first_name: 'Ada',
            last_name: 'Lovelace',
        })
    })

    it.each([['a string'], [null], [[{ first_name: 'Ada' }]], [42]])('turns %j into an empty object', (json) => {
        expect(pickJsonFields(json, ['first_name'])).toEqual({})
    })

    it('picks own fields only, so nothing comes from the prototype', () => {
        const json: unknown = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}')
        const picked = pickJsonFields(json, ['constructor', 'toString', 'name'])
        expect(Object.keys(picked)).toEqual(['name'])
        expect(Object.getPrototypeOf(picked)).toBe(Object.prototype)
    })
})
