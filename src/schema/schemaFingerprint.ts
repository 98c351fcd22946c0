// Two 32-bit FNV-1a style lanes with their own offset and odd multiplier: 64 bits, so two schemas never meet by chance.
const LANES: readonly (readonly [offset: number, multiplier: number])[] = [
    [0x811c9dc5, 0x01000193],
    [0x050c5d1f, 0x5bd1e995],
]

/**
 * A short, stable name for a JSON value's exact text: equal documents (same content, same key order) get the same
 * fingerprint. It lets a live schema that is the bundled one skip the compiler; a different key order only costs a
 * compile.
 */
export function schemaFingerprint(value: object): string {
    const text = JSON.stringify(value)
    return LANES.map(([offset, multiplier]) => {
        let hash = offset
        for (let index = 0; index < text.length; index += 1) {
            hash = Math.imul(hash ^ text.charCodeAt(index), multiplier)
        }
        return (hash >>> 0).toString(16).padStart(8, '0')
    }).join('')
}
