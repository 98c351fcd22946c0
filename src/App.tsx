import { useMemo, useState, type ReactNode } from 'react'

import { BUNDLED_MODELS } from './contract/bundledModelCatalog.ts'
import type { FieldPicker } from './form/formTypes.ts'
import { RunForm } from './form/RunForm.tsx'
import { BUNDLED_FIELD_MODEL } from './schema/bundledFieldModel.ts'
import { defaultFormValues } from './schema/defaultFormValues.ts'
import type { RunRequestBody } from './schema/fieldModel.ts'
import { FIELD, type RuleContext } from './schema/fieldRules.ts'

const CONTEXT: RuleContext = { models: BUNDLED_MODELS }
const TARGET = { host: 'https://us.posthog.com', projectId: '', taskId: '' }

/** The composition root: the only place that wires the form, the API, URLs and embedding together. */
export function App(): ReactNode {
    const defaults = useMemo(() => defaultFormValues(BUNDLED_FIELD_MODEL), [])
    const [lastBody, setLastBody] = useState<RunRequestBody | undefined>()
    const pickers = useMemo(
        () =>
            new Map<string, FieldPicker>([
                [
                    FIELD.model,
                    {
                        status: 'ready',
                        label: 'models',
                        placeholder: 'Choose a model…',
                        emptyMessage: 'No models listed: type a model id.',
                        options: CONTEXT.models.map((choice) => ({
                            value: choice.model,
                            label: choice.displayName,
                            detail: choice.model,
                        })),
                    },
                ],
            ]),
        []
    )
    return (
        <div className="app">
            <header className="app-header">
                <h1>Run Launcher</h1>
                <p>Start Claude agent runs on PostHog Tasks.</p>
            </header>
            <main>
                <RunForm
                    model={BUNDLED_FIELD_MODEL}
                    context={CONTEXT}
                    defaultValues={defaults}
                    target={TARGET}
                    pickers={pickers}
                    onSubmit={(body) => {
                        setLastBody(body)
                    }}
                    notice={
                        lastBody ? (
                            <div className="banner warning" role="status">
                                <p className="banner-title">The form is valid.</p>
                                <p>Connect to a PostHog project to start the run.</p>
                            </div>
                        ) : null
                    }
                />
            </main>
        </div>
    )
}
