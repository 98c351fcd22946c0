import type { MiddlewareHandler } from 'hono'

// django-cors-headers' default_headers plus PostHog's tracing headers; X-PostHog-Warm-Retry is deliberately absent.
export const CORS_ALLOW_HEADERS = [
    'accept',
    'authorization',
    'content-type',
    'user-agent',
    'x-csrftoken',
    'x-requested-with',
    'traceparent',
    'request-id',
    'sentry-trace',
    'baggage',
] as const

export const CORS_ALLOW_METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const

const CORS_MAX_AGE_SECONDS = 86400

// django-cors-headers with CORS_ALLOW_ALL_ORIGINS and CORS_ALLOW_CREDENTIALS, for /api/* only.
export const apiCorsMiddleware: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin')
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
        // the middleware answers preflights itself, before routing or authentication
        const response = new Response(null, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })
        addCorsHeaders(response.headers, origin)
        if (origin !== undefined) {
            response.headers.set('access-control-allow-headers', CORS_ALLOW_HEADERS.join(', '))
            response.headers.set('access-control-allow-methods', CORS_ALLOW_METHODS.join(', '))
            response.headers.set('access-control-max-age', String(CORS_MAX_AGE_SECONDS))
        }
        return response
    }
    await next()
    addCorsHeaders(c.res.headers, origin)
    return undefined
}

function addCorsHeaders(headers: Headers, origin: string | undefined): void {
    headers.append('vary', 'Origin')
    if (origin === undefined) {
        return
    }
    headers.set('access-control-allow-origin', origin)
    headers.set('access-control-allow-credentials', 'true')
}
