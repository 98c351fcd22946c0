import { useEffect, useMemo, useState, type ReactNode } from 'react'

import { createTrailingTimer } from '../lib/trailingTimer.ts'
import { buildCurlCommand, redactBody, type RunTarget } from '../schema/buildCurlCommand.ts'
import { buildRequestBody } from '../schema/buildRequestBody.ts'
import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import type { RuleContext } from '../schema/fieldRules.ts'
import { CopyButton } from './CopyButton.tsx'
import { useRunFormContext } from './runFormContext.ts'

export interface RequestPreviewProps {
    model: FieldModel
    context: RuleContext
    target: RunTarget
}

/** How long typing must pause before the preview catches up: a keystroke never waits for it. */
export const PREVIEW_DELAY_MS = 120

/** The form's values, updated once typing pauses rather than on every keystroke. */
function usePausedValues(): FormValues {
    const { getValues, subscribe } = useRunFormContext()
    const [values, setValues] = useState<FormValues>(() => getValues())
    useEffect(() => {
        let latest: FormValues | undefined
        const timer = createTrailingTimer(PREVIEW_DELAY_MS, () => {
            if (latest) setValues({ ...latest })
        })
        const unsubscribe = subscribe({
            formState: { values: true },
            callback: ({ values: next }) => {
                latest = next
                timer.restart()
            },
        })
        return () => {
            timer.cancel()
            unsubscribe()
        }
    }, [subscribe])
    return values
}

/** The exact JSON body the run request will carry (secrets masked), and the same request as curl. */
export function RequestPreview({ model, context, target }: RequestPreviewProps): ReactNode {
    const values = usePausedValues()
    const body = useMemo(() => buildRequestBody(model, values, context), [model, values, context])
    const json = useMemo(() => JSON.stringify(redactBody(model, body), null, 2), [model, body])
    const curl = useMemo(() => buildCurlCommand(model, body, target), [model, body, target])
    return (
        <aside className="preview" aria-labelledby="preview-title">
            <h2 id="preview-title" className="preview-title">
                Request preview
            </h2>
            <p className="field-help">
                POST{' '}
                <code>
                    /api/projects/{target.projectId || '{project_id}'}/tasks/{target.taskId || '{task_id}'}/run/
                </code>
            </p>
            <div className="preview-block">
                <div className="preview-heading">
                    <h3>JSON body</h3>
                    <CopyButton text={json} label="Copy JSON" />
                </div>
                <pre className="code" data-testid="request-preview-json" tabIndex={0} aria-label="JSON body">
                    {json}
                </pre>
            </div>
            <div className="preview-block">
                <div className="preview-heading">
                    <h3>curl</h3>
                    <CopyButton text={curl} label="Copy curl" />
                </div>
                <pre className="code" tabIndex={0} aria-label="curl command">
                    {curl}
                </pre>
                <p className="field-help">
                    The API key and tokens are shell variables here: set <code>POSTHOG_PERSONAL_API_KEY</code> before
                    running it.
                </p>
            </div>
        </aside>
    )
}
