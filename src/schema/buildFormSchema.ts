import * as z from 'zod/mini'

import { buildRequestBody } from './buildRequestBody.ts'
import type { FieldModel, FormValues, RunRequestBody } from './fieldModel.ts'
import type { RuleContext } from './fieldRules.ts'
import { validateValues } from './validateValues.ts'

function isFormValues(input: unknown): input is FormValues {
    return typeof input === 'object' && input !== null && !Array.isArray(input)
}

/** The form's resolver schema: validates the values against the model and rules, and outputs the request body. */
export function buildFormSchema(model: FieldModel, context: RuleContext): z.ZodMiniType<RunRequestBody, FormValues> {
    const values = z.custom<FormValues>(isFormValues).check(
        z.superRefine((input: FormValues, ctx) => {
            for (const issue of validateValues(model, input, context)) {
                ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message, input: input[issue.field] })
            }
        })
    )
    return z.pipe(
        values,
        z.transform((input: FormValues) => buildRequestBody(model, input, context))
    )
}
