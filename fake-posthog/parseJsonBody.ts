import type { RecordedRequest } from './FakeTraffic.ts'
import { buildHogError } from './hogError.ts'
import type { HttpFailure } from './jsonResponse.ts'

export type JsonBodyResult = { ok: true; data: unknown } | { ok: false; failure: HttpFailure }

// DRF's JSONParser: an empty body is an empty dict; other media types get 415.
export function parseJsonBody(request: RecordedRequest): JsonBodyResult {
    if (request.body.trim() === '') {
        return { ok: true, data: {} }
    }
    const contentType = request.headers['content-type'] ?? ''
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
    if (mediaType !== '' && mediaType !== 'application/json' && !mediaType.endsWith('+json')) {
        const detail = `Unsupported media type "${contentType}" in request.`
        return {
            ok: false,
            failure: { status: 415, body: buildHogError('invalid_request', 'unsupported_media_type', detail) },
        }
    }
    try {
        return { ok: true, data: JSON.parse(request.body) as unknown }
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        const body = buildHogError('invalid_request', 'parse_error', `JSON parse error - ${reason}`)
        return { ok: false, failure: { status: 400, body } }
    }
}
