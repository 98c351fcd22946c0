import type { QueryClient } from '@tanstack/react-query'
import { lazy, startTransition, Suspense, useEffect, useRef, useState, type ReactNode } from 'react'

import { Disclosure } from './app/Disclosure.tsx'
import type { FormBinding } from './app/Launcher.tsx'
import { fetchLauncherConfig, type LauncherConfig } from './app/launcherConfig.ts'
import { hasLauncherState } from './app/hasLauncherState.ts'
import { modelPicker } from './app/modelPicker.ts'
import { BUNDLED_MODELS } from './contract/bundledModelCatalog.ts'
import type { EmbedParams } from './embed/parseEmbedParams.ts'
import { RunForm, type RunFormHandle } from './form/RunForm.tsx'
import { useIdleAfterMount } from './form/useIdleAfterMount.ts'
import { BUNDLED_FIELD_MODEL } from './schema/bundledFieldModel.ts'
import { FIELD } from './schema/fieldRules.ts'
import { mergeInitialValues } from './url/mergePrefill.ts'
import type { DecodedPrefill } from './url/prefillCodec.ts'

// Everything that talks to PostHog loads after the form, so the first character can be typed at once.
const Launcher = lazy(() => import('./app/Launcher.tsx').then((module) => ({ default: module.Launcher })))
// Folded panels: their code loads the first time someone opens them.
const SharePanel = lazy(() => import('./app/SharePanel.tsx').then((module) => ({ default: module.SharePanel })))
const EmbedSnippetPanel = lazy(() =>
    import('./app/EmbedSnippetPanel.tsx').then((module) => ({ default: module.EmbedSnippetPanel }))
)

interface AppProps {
    prefill: DecodedPrefill
    embed: EmbedParams
    /** Tests pass their own client to inspect its caches. */
    queryClient?: QueryClient | undefined
}

/** The form as it mounts before the launcher has loaded: the bundled schema, the link's values, nothing remote. */
function initialBinding(prefill: DecodedPrefill, onSubmit: () => void): FormBinding {
    return {
        key: 'bundled',
        model: BUNDLED_FIELD_MODEL,
        context: { models: BUNDLED_MODELS },
        defaultValues: mergeInitialValues(BUNDLED_FIELD_MODEL, { url: prefill.values, locked: prefill.locked }),
        lockedFields: new Set(prefill.locked),
        pickers: new Map([[FIELD.model, modelPicker(BUNDLED_MODELS)]]),
        target: {
            host: prefill.connection.host ?? '',
            projectId: prefill.connection.projectId ?? '',
            taskId: prefill.connection.taskId ?? '',
        },
        onSubmit,
    }
}

/** A prefilled link means someone is about to run something: its notice and connection come at once. */
function cameFromLink(prefill: DecodedPrefill): boolean {
    return (
        Object.keys(prefill.connection).length > 0 ||
        Object.keys(prefill.values).length > 0 ||
        prefill.problems.length > 0 ||
        prefill.hadSecrets
    )
}

/** The deployment's config, asked for once the browser is idle after the form's first paint. */
function useLauncherConfig(): LauncherConfig | undefined {
    const idle = useIdleAfterMount()
    const [config, setConfig] = useState<LauncherConfig | undefined>()
    useEffect(() => {
        if (!idle) return undefined
        const controller = new AbortController()
        void fetchLauncherConfig(controller.signal).then((loaded) => {
            // A transition: mounting the launcher yields to the user's keystrokes instead of blocking them.
            startTransition(() => {
                setConfig(loaded)
            })
        })
        return () => {
            controller.abort()
        }
    }, [idle])
    return config
}

function LauncherPlaceholder({ onConnect }: { onConnect: (() => void) | undefined }): ReactNode {
    return (
        <section className="panel launcher-placeholder" aria-labelledby="connect-title">
            <h2 id="connect-title">PostHog connection</h2>
            {onConnect ? (
                <>
                    <p className="field-help">
                        Connect to your PostHog project to pick a task and start runs. You can fill the form first.
                    </p>
                    <button type="button" className="button primary" onClick={onConnect}>
                        Connect to PostHog
                    </button>
                </>
            ) : (
                <p className="field-help">Getting ready…</p>
            )}
        </section>
    )
}

/** The composition root: the form at once, and the launcher that wires it to PostHog, URLs and embedding. */
export function App({ prefill, embed, queryClient }: AppProps): ReactNode {
    const contentRef = useRef<HTMLDivElement>(null)
    const formRef = useRef<RunFormHandle>(null)
    const [belowForm, setBelowForm] = useState<HTMLElement | null>(null)
    // A returning user, a link, an embed or a server-held key needs the launcher at once; a first visit on demand.
    const [requested, setRequested] = useState<'auto' | 'connect' | 'submit'>('auto')
    const [binding, setBinding] = useState(() =>
        initialBinding(prefill, () => {
            setRequested('submit')
        })
    )
    const config = useLauncherConfig()
    const { key, focus, ...formProps } = binding
    const automatic =
        embed.embedded || config?.serverHeldKey !== undefined || cameFromLink(prefill) || hasLauncherState()
    const launcherWanted = config !== undefined && (automatic || requested !== 'auto')

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
                <Suspense fallback={<LauncherPlaceholder onConnect={undefined} />}>
                    {launcherWanted ? (
                        <Launcher
                            prefill={prefill}
                            embed={embed}
                            contentRef={contentRef}
                            form={formRef}
                            belowForm={belowForm}
                            onBinding={setBinding}
                            config={config}
                            startBlocked={requested === 'submit'}
                            focusConnection={requested === 'connect'}
                            queryClient={queryClient}
                        />
                    ) : (
                        <LauncherPlaceholder
                            onConnect={
                                config === undefined
                                    ? undefined
                                    : () => {
                                          setRequested('connect')
                                      }
                            }
                        />
                    )}
                </Suspense>
                <RunForm key={key} ref={formRef} {...formProps} />
                {embed.embedded ? null : (
                    <>
                        <Disclosure title="Share a prefilled link" className="panel share">
                            {() => (
                                <SharePanel
                                    model={binding.model}
                                    getValues={() => formRef.current?.getValues() ?? binding.defaultValues}
                                    connection={binding.target}
                                />
                            )}
                        </Disclosure>
                        <Disclosure title="Embed this form on another site" className="panel share embed-snippet">
                            {() => (
                                <EmbedSnippetPanel
                                    model={binding.model}
                                    getValues={() => formRef.current?.getValues() ?? binding.defaultValues}
                                    connection={binding.target}
                                    embedAllowedOrigins={config?.embedAllowedOrigins}
                                />
                            )}
                        </Disclosure>
                    </>
                )}
                <div ref={setBelowForm} />
            </main>
        </div>
    )
}
