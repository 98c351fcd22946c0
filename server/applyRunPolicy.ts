import type { PolicyValue, RunPolicy } from './parseRunPolicy.ts'

export interface PolicyRefusal {
    // the run body's field, so the app shows the message on it
    attr: string | null
    code: 'parse_error' | 'not_allowed_by_policy'
    detail: string
}

export type PolicyOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; refusal: PolicyRefusal }

// The run body with pinned fields filled in, or the first field this launcher's policy refuses.
export function applyRunPolicy(json: unknown, policy: RunPolicy): PolicyOutcome {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        const detail = 'The run request body must be a JSON object.'
        return { ok: false, refusal: { attr: null, code: 'parse_error', detail } }
    }
    const body: Record<string, unknown> = Object.create(null) as Record<string, unknown>
    Object.assign(body, json)
    for (const [field, rule] of policy) {
        const present = Object.hasOwn(body, field) && body[field] !== undefined && body[field] !== null
        const value = present ? body[field] : null
        const refuse = (detail: string): PolicyOutcome => ({
            ok: false,
            refusal: { attr: field, code: 'not_allowed_by_policy', detail },
        })
        if (rule.kind === 'pin') {
            if (!present) {
                body[field] = rule.value
            } else if (value !== rule.value) {
                return refuse(`This launcher only starts runs with ${field} ${show(rule.value)}.`)
            }
        } else if (rule.kind === 'allow') {
            if (!rule.values.some((allowed) => allowed === value)) {
                const listed = rule.values.filter((allowed) => allowed !== null).map(show)
                const missing = present ? `${show(value)} is not allowed here` : 'it must be set here'
                return refuse(`This launcher allows ${field} ${listed.join(', ')} only; ${missing}.`)
            }
        } else if (present && rule.values.some((forbidden) => forbidden === value)) {
            return refuse(`This launcher does not allow ${field} ${show(value)}.`)
        }
    }
    return { ok: true, body }
}

function show(value: unknown): string {
    return typeof value === 'string' ? `"${value}"` : isScalar(value) ? String(value) : 'this value'
}

function isScalar(value: unknown): value is PolicyValue {
    return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}
