import { z } from 'zod'

const Text = (max: number) => z.string().max(max).optional().catch(undefined)
// The keys PostHog's task API documents for an error (TaskRunErrorResponseSerializer, plus retry_token on 503).
const ErrorFields = z.object({
    type: Text(64),
    code: Text(128),
    detail: Text(2000),
    error: Text(2000),
    attr: z.string().max(256).nullable().optional().catch(undefined),
    missing_artifact_ids: z.array(z.string().max(128)).max(100).optional().catch(undefined),
    limit_type: Text(64),
    reset_at: Text(64),
    is_pro: z.boolean().optional().catch(undefined),
    retry_token: Text(1024),
})

// An upstream error reduced to PostHog's error keys, each of the right type; anything else in it stays behind.
export function toHogErrorBody(status: number, text: string): Record<string, unknown> {
    const parsed = ErrorFields.safeParse(parseObject(text))
    const fields = parsed.success ? parsed.data : {}
    const kept = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
    if (kept['detail'] === undefined && kept['error'] === undefined && kept['code'] === undefined) {
        return {
            type: status >= 500 ? 'server_error' : 'invalid_request',
            code: 'error',
            detail: `PostHog answered with status ${status} and no error the launcher can show.`,
            attr: null,
        }
    }
    return kept
}

function parseObject(text: string): unknown {
    try {
        const value: unknown = JSON.parse(text)
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
    } catch {
        return {}
    }
}
