// A refusal that a route turns into a JSON response.
export interface HttpFailure {
    status: number
    body: unknown
    headers?: Record<string, string>
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
    })
}

export function toFailureResponse(failure: HttpFailure): Response {
    return jsonResponse(failure.status, failure.body, failure.headers)
}
