import * as z from 'zod/mini'

import { buildRequestBody } from './buildRequestBody.ts'
import type { FieldModel, FormValues, RunRequestBody } from './fieldModel.ts'
import type { RuleContext } from './fieldRules.ts'
import { validateValues } from './validateValues.ts'

function isFormValues(input: unknown): input is FormValues {
    return typeof input === 'object' && input !== null && !Array.isArray(input)
}

/** A dotted form path as zod's path: row indexes as numbers, so react-hook-form nests the error under its row. */
function toPath(field: string): (string | number)[] {
    return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/** The form's resolver schema: validates the values against the model and rules, and outputs the request body. */
export function buildFormSchema(model: FieldModel, context: RuleContext): z.ZodMiniType<RunRequestBody, FormValues> {
    const values = z.custom<FormValues>(isFormValues).check(
        z.superRefine((input: FormValues, ctx) => {
            for (const issue of validateValues(model, input, context)) {
                ctx.addIssue({ code: 'custom', path: toPath(issue.field), message: issue.message, input: undefined })
            }
        })
    )
    return z.pipe(
        values,
        z.transform((input: FormValues) => buildRequestBody(model, input, context))
    )
}
