export type HogErrorType =
    'invalid_request' | 'authentication_error' | 'throttled_error' | 'server_error' | 'validation_error'

// drf-exceptions-hog's body, so the app parses the proxy's own refusals like PostHog's.
export interface HogError {
    type: HogErrorType
    code: string
    detail: string
    // the request body's field the error is about
    attr: string | null
}

export function hogErrorResponse(
    status: number,
    type: HogErrorType,
    code: string,
    detail: string,
    headers: Record<string, string> = {},
    attr: string | null = null
): Response {
    const body: HogError = { type, code, detail, attr }
    return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    })
}
