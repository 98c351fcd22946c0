// CDP Input.dispatchKeyEvent parameters for one unshifted US-layout character: a keyDown that types it, then keyUp.

export interface KeyEventParams {
    type: 'keyDown' | 'keyUp'
    key: string
    code: string
    windowsVirtualKeyCode: number
    nativeVirtualKeyCode: number
    text?: string
    unmodifiedText?: string
}

const PUNCTUATION: ReadonlyMap<string, { code: string; keyCode: number }> = new Map([
    [' ', { code: 'Space', keyCode: 32 }],
    [',', { code: 'Comma', keyCode: 188 }],
    ['.', { code: 'Period', keyCode: 190 }],
    [';', { code: 'Semicolon', keyCode: 186 }],
    ['-', { code: 'Minus', keyCode: 189 }],
    ['/', { code: 'Slash', keyCode: 191 }],
])

/** Only characters typed without Shift, so every character is exactly one keystroke. */
export function toKeyEvents(character: string): [KeyEventParams, KeyEventParams] {
    let key: { code: string; keyCode: number } | undefined = PUNCTUATION.get(character)
    if (/^[a-z]$/.test(character)) {
        key = { code: `Key${character.toUpperCase()}`, keyCode: character.toUpperCase().charCodeAt(0) }
    } else if (/^[0-9]$/.test(character)) {
        key = { code: `Digit${character}`, keyCode: character.charCodeAt(0) }
    }
    if (!key) throw new Error(`Cannot type ${JSON.stringify(character)} as one unshifted keystroke`)
    const common = {
        key: character,
        code: key.code,
        windowsVirtualKeyCode: key.keyCode,
        nativeVirtualKeyCode: key.keyCode,
    }
    return [
        { type: 'keyDown', ...common, text: character, unmodifiedText: character },
        { type: 'keyUp', ...common },
    ]
}
