import { describe, expect, it } from 'vitest'

import { readLimitedBody } from './readLimitedBody.ts'

function streamOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder()
    return new ReadableStream({
        start(controller) {
            for (const chunk of chunks) {
                controller.enqueue(encoder.encode(chunk))
            }
            controller.close()
        },
    })
}

function post(body: ReadableStream<Uint8Array> | string | null, headers: Record<string, string> = {}): Request {
    // Node needs duplex for a streamed body; the DOM typings do not know it yet
    const init: RequestInit & { duplex: 'half' } = { method: 'POST', body, headers, duplex: 'half' }
    return new Request('http://localhost/', init)
}

describe('readLimitedBody', () => {
    it('returns a body within the limit', async () => {
        const result = await readLimitedBody(post(streamOf(['{"a":', '1}'])), 7)
        expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('{"a":1}')
    })

    it('refuses a body that grows past the limit without a Content-Length', async () => {
        expect(await readLimitedBody(post(streamOf(['1234', '5678'])), 7)).toEqual({ ok: false })
    })

    it('refuses up front when the declared length is too big', async () => {
        expect(await readLimitedBody(post('x', { 'content-length': '100' }), 10)).toEqual({ ok: false })
    })

    it('treats a missing body as empty', async () => {
        const result = await readLimitedBody(new Request('http://localhost/', { method: 'POST' }), 10)
        expect(result.ok && result.bytes.byteLength).toBe(0)
    })
})
