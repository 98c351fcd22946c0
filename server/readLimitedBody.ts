export type LimitedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false }

// The whole body, or a refusal as soon as it grows past maxBytes (a lying or missing Content-Length included).
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
    const declared = Number(request.headers.get('content-length') ?? Number.NaN)
    if (Number.isFinite(declared) && declared > maxBytes) {
        return { ok: false }
    }
    if (request.body === null) {
        return { ok: true, bytes: new Uint8Array(0) }
    }
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = request.body.getReader()
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
