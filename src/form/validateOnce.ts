/** The part of a Standard Schema that validators and react-hook-form's resolver use. */
export interface StandardValidator<Props extends { validate: (value: unknown) => unknown }> {
    '~standard': Props
}

/**
 * The schema with its last result remembered: validating equal values again (a submit's early check, then
 * react-hook-form's own pass over the same values) returns that result instead of running every rule twice.
 */
export function validateOnce<Props extends { validate: (value: unknown) => unknown }>(
    schema: StandardValidator<Props>
): StandardValidator<Props> {
    const standard = schema['~standard']
    let last: { input: string; result: unknown } | undefined
    const validate = (value: unknown) => {
        const input = JSON.stringify(value)
        if (last?.input !== input) last = { input, result: standard.validate(value) }
        return last.result
    }
    return { '~standard': { ...standard, validate } }
}
