import { describe, expect, it } from 'vitest'

import { checkHostOrigin } from './checkHostOrigin.ts'

describe('checkHostOrigin', () => {
    it.each([[''], ['   ']])('is empty for %j', (text) => {
        expect(checkHostOrigin(text, undefined)).toEqual({ state: 'empty' })
    })

    it.each([
        ['wiki.example.com', /starts with https:\/\//],
        ['ftp://wiki.example.com', /starts with https:\/\//],
        ['https://wiki.example.com/page', /without a path/],
        ['https://user@wiki.example.com', /starts with https:\/\//],
        ['https://wiki.example.com?x', /starts with https:\/\//],
    ])('refuses %j and says what to type', (text, message) => {
        const check = checkHostOrigin(text, [])
        expect(check.state).toBe('invalid')
        expect(check.state === 'invalid' ? check.message : '').toMatch(message)
    })

    it('normalizes the origin and trims spaces', () => {
        expect(checkHostOrigin(' https://Wiki.Example.com/ ', undefined)).toEqual({
            state: 'valid',
            origin: 'https://wiki.example.com',
            allowed: undefined,
        })
    })

    it.each([
        [['https://wiki.example.com'], true],
        [['https://wiki.example.com:8443', 'http://wiki.example.com'], false],
        [[], false],
    ])('with the allow-list %j says allowed=%s', (list, allowed) => {
        expect(checkHostOrigin('https://wiki.example.com', list)).toMatchObject({ state: 'valid', allowed })
    })
})
