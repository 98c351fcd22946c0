import { describe, expect, it } from 'vitest'

import { toKeyEvents } from './toKeyEvents.ts'

describe('toKeyEvents', () => {
    it('types a letter on keyDown and releases it on keyUp', () => {
        expect(toKeyEvents('q')).toEqual([
            {
                type: 'keyDown',
                key: 'q',
                code: 'KeyQ',
                windowsVirtualKeyCode: 81,
                nativeVirtualKeyCode: 81,
                text: 'q',
                unmodifiedText: 'q',
            },
            { type: 'keyUp', key: 'q', code: 'KeyQ', windowsVirtualKeyCode: 81, nativeVirtualKeyCode: 81 },
        ])
    })

    it.each([
        [' ', 'Space', 32],
        [';', 'Semicolon', 186],
        ['.', 'Period', 190],
        ['7', 'Digit7', 55],
    ])('maps %j to %s', (character, code, keyCode) => {
        expect(toKeyEvents(character)[0]).toMatchObject({ code, windowsVirtualKeyCode: keyCode, text: character })
    })

    it.each(['A', '!', 'é', 'ab', ''])('refuses %j, which is not one unshifted keystroke', (character) => {
        expect(() => toKeyEvents(character)).toThrow(/one unshifted keystroke/)
    })
})
