import type { HttpFailure } from './jsonResponse.ts'

export type HogErrorType =
    'validation_error' | 'authentication_error' | 'invalid_request' | 'throttled_error' | 'server_error'

// drf-exceptions-hog's body; PostHog reports only the first error.
export interface HogError {
    type: HogErrorType
    code: string
    detail: string
    attr: string | null
}

export function buildHogError(type: HogErrorType, code: string, detail: string, attr: string | null = null): HogError {
    // drf-exceptions-hog renames DRF's generic code
    return { type, code: code === 'invalid' ? 'invalid_input' : code, detail, attr }
}

export function buildValidationFailure(code: string, detail: string, attr: string | null): HttpFailure {
    return { status: 400, body: buildHogError('validation_error', code, detail, attr) }
}

export function buildNotFoundFailure(): HttpFailure {
    return { status: 404, body: buildHogError('invalid_request', 'not_found', 'Not found.') }
}
