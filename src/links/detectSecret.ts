import type { FieldModel } from '../schema/fieldModel.ts'
import { prefillProblem, type PrefillProblem } from './prefillProblem.ts'

// Parameter names that carry credentials although no schema field says so (the API key above all).
const SECRET_NAME_PARTS = ['apikey', 'token', 'secret', 'password', 'authorization', 'credential']
const SECRET_NAMES: ReadonlySet<string> = new Set(['key', 'auth', 'bearer', 'pat'])

// Published key prefixes: PostHog personal (phx_), project secret (phs_), OAuth (pha_, phr_); GitHub tokens.
const SECRET_VALUES: readonly { pattern: RegExp; what: string }[] = [
    { pattern: /(?:^|[^A-Za-z0-9])ph[xsar]_[A-Za-z0-9]/, what: 'a PostHog API key' },
    { pattern: /(?:^|[^A-Za-z0-9])(?:gh[pousr]_|github_pat_)[A-Za-z0-9]/, what: 'a GitHub token' },
]

function squash(name: string): string {
    return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** What a value looks like when it looks like a credential, e.g. "a GitHub token"; undefined otherwise. */
export function secretValueKind(value: string): string | undefined {
    return SECRET_VALUES.find((entry) => entry.pattern.test(value))?.what
}

function isSecretName(model: FieldModel, name: string): boolean {
    const field = model.byName.get(name)
    if (field) return field.sensitive
    const squashed = squash(name)
    return SECRET_NAMES.has(squashed) || SECRET_NAME_PARTS.some((part) => squashed.includes(part))
}

/** The refusal for a parameter that is, or carries, a secret; undefined when it may be read. */
export function detectSecret(model: FieldModel, name: string, values: readonly string[]): PrefillProblem | undefined {
    if (model.byName.get(name)?.sensitive) {
        return prefillProblem(
            'secret',
            name,
            'secrets are never prefilled, so this value was ignored. Enter it in the form instead.'
        )
    }
    if (isSecretName(model, name)) {
        return prefillProblem('secret', name, 'API keys and tokens are never prefilled, so this value was ignored.')
    }
    for (const value of values) {
        const what = secretValueKind(value)
        if (what !== undefined) {
            return prefillProblem(
                'secret',
                name,
                `the value looks like ${what}, so it was ignored: keys and tokens are never prefilled.`
            )
        }
    }
    return undefined
}
