export type LimitedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false }

// The whole body, or a refusal as soon as it grows past maxBytes (a lying or missing Content-Length included).
// Works for a browser's request and for PostHog's response alike.
export async function readLimitedBody(
    message: { headers: Headers; body: ReadableStream<Uint8Array> | null },
    maxBytes: number
): Promise<LimitedBody> {
    const declared = Number(message.headers.get('content-length') ?? Number.NaN)
    if (Number.isFinite(declared) && declared > maxBytes) {
        await message.body?.cancel()
        return { ok: false }
    }
    if (message.body === null) {
        return { ok: true, bytes: new Uint8Array(0) }
    }
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = message.body.getReader()
    for (;;) {
        const { done, value } = await reader.read()
        if (done) {
            break
        }
        size += value.byteLength
        if (size > maxBytes) {
            await reader.cancel()
            return { ok: false }
        }
        chunks.push(value)
    }
    const bytes = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
        bytes.set(chunk, offset)
        offset += chunk.byteLength
    }
    return { ok: true, bytes }
}
