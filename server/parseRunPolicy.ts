import { z } from 'zod'

export type PolicyValue = string | number | boolean | null

// One rule per field of the run body: exactly one of pin, allow, forbid.
export type FieldRule =
    | { kind: 'pin'; value: Exclude<PolicyValue, null> }
    // null in the list: the field may be left out
    | { kind: 'allow'; values: readonly PolicyValue[] }
    | { kind: 'forbid'; values: readonly Exclude<PolicyValue, null>[] }

// field name → rule; a Map, so a field named like an Object property cannot clash
export type RunPolicy = ReadonlyMap<string, FieldRule>

export type RunPolicyResult = { ok: true; policy: RunPolicy } | { ok: false; expected: string }

const FIELD_NAME = /^[a-z][a-z0-9_]{0,63}$/
const MAX_VALUES = 100
const Scalar = z.union([z.string().max(1000), z.number(), z.boolean()])
const RuleSchema = z.union([
    z.strictObject({ pin: Scalar }),
    z.strictObject({
        allow: z
            .array(z.union([Scalar, z.null()]))
            .min(1)
            .max(MAX_VALUES),
    }),
    z.strictObject({ forbid: z.array(Scalar).min(1).max(MAX_VALUES) }),
])
const RULE_FORMS =
    '{"pin": value}, {"allow": [values]} or {"forbid": [values]}, values being strings, numbers or booleans'

// RUN_POLICY's JSON: {"branch": {"pin": "main"}, "model": {"allow": [...]}, "initial_permission_mode": {"forbid": [...]}}
export function parseRunPolicy(text: string): RunPolicyResult {
    let json: unknown
    try {
        json = JSON.parse(text)
    } catch {
        return { ok: false, expected: 'JSON (it does not parse)' }
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return { ok: false, expected: 'a JSON object from run field names to rules, e.g. {"branch": {"pin": "main"}}' }
    }
    const policy = new Map<string, FieldRule>()
    for (const [field, raw] of Object.entries(json)) {
        if (!FIELD_NAME.test(field)) {
            return {
                ok: false,
                expected: `run field names in snake_case (lower-case letters, digits, _), not ${JSON.stringify(field)}`,
            }
        }
        const rule = RuleSchema.safeParse(raw)
        if (!rule.success) {
            return { ok: false, expected: `a rule for "${field}" of the form ${RULE_FORMS}` }
        }
        const value = rule.data
        if ('pin' in value) {
            policy.set(field, { kind: 'pin', value: value.pin })
        } else if ('allow' in value) {
            policy.set(field, { kind: 'allow', values: value.allow })
        } else {
            policy.set(field, { kind: 'forbid', values: value.forbid })
        }
    }
    if (policy.size === 0) {
        return { ok: false, expected: 'at least one field rule (leave RUN_POLICY unset for no policy)' }
    }
    return { ok: true, policy }
}
