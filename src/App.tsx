import type { QueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react'

import type { FormBinding } from './app/Launcher.tsx'
import { modelPicker } from './app/modelPicker.ts'
import { BUNDLED_MODELS } from './contract/bundledModelCatalog.ts'
import type { EmbedParams } from './embed/parseEmbedParams.ts'
import { RunForm, type RunFormHandle } from './form/RunForm.tsx'
import { BUNDLED_FIELD_MODEL } from './schema/bundledFieldModel.ts'
import { FIELD } from './schema/fieldRules.ts'
import { mergeInitialValues } from './url/mergePrefill.ts'
import type { DecodedPrefill } from './url/prefillCodec.ts'

// Everything that talks to PostHog loads after the form, so the first character can be typed at once.
const Launcher = lazy(() => import('./app/Launcher.tsx').then((module) => ({ default: module.Launcher })))

interface AppProps {
    prefill: DecodedPrefill
    embed: EmbedParams
    /** Tests pass their own client to inspect its caches. */
    queryClient?: QueryClient | undefined
}

/** True once the browser has painted the form and has a moment to spare (at most a few frames later). */
function useIdleAfterMount(): boolean {
    const [idle, setIdle] = useState(false)
    useEffect(() => {
        const done = () => {
            setIdle(true)
        }
        // Safari has no requestIdleCallback: a short timeout stands in.
        if (typeof window.requestIdleCallback !== 'function') {
            const handle = setTimeout(done, 50)
            return () => {
                clearTimeout(handle)
            }
        }
        const handle = window.requestIdleCallback(done, { timeout: 200 })
        return () => {
            window.cancelIdleCallback(handle)
        }
    }, [])
    return idle
}

/** The form as it mounts before the launcher has loaded: the bundled schema, the link's values, nothing remote. */
function initialBinding(prefill: DecodedPrefill): FormBinding {
    return {
        key: 'bundled',
        model: BUNDLED_FIELD_MODEL,
        context: { models: BUNDLED_MODELS },
        defaultValues: mergeInitialValues(BUNDLED_FIELD_MODEL, { url: prefill.values, locked: prefill.locked }),
        lockedFields: new Set(prefill.locked),
        pickers: new Map([[FIELD.model, modelPicker(BUNDLED_MODELS)]]),
        target: { host: '', projectId: prefill.connection.projectId ?? '', taskId: prefill.connection.taskId ?? '' },
        // Submitting before the launcher has loaded (a few milliseconds) has nowhere to go yet.
        onSubmit: () => undefined,
    }
}

function LauncherPlaceholder(): ReactNode {
    return (
        <section className="panel launcher-placeholder" aria-label="PostHog connection">
            <p className="field-help">Getting ready…</p>
        </section>
    )
}

/** The composition root: the form at once, and the launcher that wires it to PostHog, URLs and embedding. */
export function App({ prefill, embed, queryClient }: AppProps): ReactNode {
    const contentRef = useRef<HTMLDivElement>(null)
    const formRef = useRef<RunFormHandle>(null)
    const [belowForm, setBelowForm] = useState<HTMLElement | null>(null)
    const [binding, setBinding] = useState(() => initialBinding(prefill))
    const { key, focus, ...formProps } = binding
    // The launcher's code loads once the form can be typed into, so it never competes with the first keystroke.
    const launcherWanted = useIdleAfterMount()

    useEffect(() => {
        if (focus === undefined) return
        document.querySelector<HTMLElement>(`form.run-form [name="${CSS.escape(focus)}"]`)?.focus()
    }, [key, focus])
    return (
        <div className={embed.embedded ? 'app embedded' : 'app'} ref={contentRef}>
            {embed.embedded ? null : (
                <header className="app-header">
                    <h1>Run Launcher</h1>
                    <p>Start Claude agent runs on PostHog Tasks.</p>
                </header>
            )}
            <main>
                <Suspense fallback={<LauncherPlaceholder />}>
                    {launcherWanted ? (
                        <Launcher
                            prefill={prefill}
                            embed={embed}
                            contentRef={contentRef}
                            form={formRef}
                            belowForm={belowForm}
                            onBinding={setBinding}
                            queryClient={queryClient}
                        />
                    ) : (
                        <LauncherPlaceholder />
                    )}
                </Suspense>
                <RunForm key={key} ref={formRef} {...formProps} />
                <div ref={setBelowForm} />
            </main>
        </div>
    )
}
