import { describe, expect, it } from 'vitest'

import { applyRunPolicy } from './applyRunPolicy.ts'
import { parseRunPolicy } from './parseRunPolicy.ts'

function policyOf(text: string) {
    const parsed = parseRunPolicy(text)
    if (!parsed.ok) throw new Error(parsed.expected)
    return parsed.policy
}

const POLICY = policyOf(
    JSON.stringify({
        branch: { pin: 'main' },
        model: { allow: ['claude-sonnet-5', 'claude-opus-5', null] },
        reasoning_effort: { allow: ['low', 'medium'] },
        initial_permission_mode: { forbid: ['bypassPermissions'] },
    })
)

describe('applyRunPolicy', () => {
    it('fills a pinned field that is left out and keeps everything else', () => {
        const outcome = applyRunPolicy({ reasoning_effort: 'low', pending_user_message: 'hi' }, POLICY)
        expect(outcome.ok && { ...outcome.body }).toEqual({
            branch: 'main',
            reasoning_effort: 'low',
            pending_user_message: 'hi',
        })
    })

    it.each([
        [
            { branch: 'release', reasoning_effort: 'low' },
            'branch',
            'This launcher only starts runs with branch "main".',
        ],
        [
            { model: 'claude-haiku-5', reasoning_effort: 'low' },
            'model',
            'This launcher allows model "claude-sonnet-5", "claude-opus-5" only; "claude-haiku-5" is not allowed here.',
        ],
        [{}, 'reasoning_effort', 'This launcher allows reasoning_effort "low", "medium" only; it must be set here.'],
        [
            { reasoning_effort: 'low', initial_permission_mode: 'bypassPermissions' },
            'initial_permission_mode',
            'This launcher does not allow initial_permission_mode "bypassPermissions".',
        ],
        [{ reasoning_effort: ['low'] }, 'reasoning_effort', 'reasoning_effort "low", "medium" only; this value is'],
    ])('refuses %j on %s', (body, attr, detail) => {
        const outcome = applyRunPolicy(body, POLICY)
        expect(outcome.ok).toBe(false)
        expect(outcome.ok ? undefined : outcome.refusal).toEqual({
            attr,
            code: 'not_allowed_by_policy',
            detail: expect.stringContaining(detail),
        })
    })

    it('allows a field left out when the allow list holds null, and a forbidden field left out', () => {
        expect(applyRunPolicy({ reasoning_effort: 'medium', model: null }, POLICY).ok).toBe(true)
    })

    it.each([[null], [[1]], ['text']])('refuses a body that is not an object: %j', (body) => {
        expect(applyRunPolicy(body, POLICY)).toEqual({
            ok: false,
            refusal: { attr: null, code: 'parse_error', detail: 'The run request body must be a JSON object.' },
        })
    })

    it('keeps a __proto__ key as data, never as a prototype', () => {
        const outcome = applyRunPolicy(JSON.parse('{"__proto__": {"x": 1}, "reasoning_effort": "low"}'), POLICY)
        expect(outcome.ok && Object.hasOwn(outcome.body, '__proto__')).toBe(true)
        expect(outcome.ok && JSON.stringify(outcome.body)).toContain('"__proto__":{"x":1}')
    })
})
