import type { QueryClient } from '@tanstack/react-query'
import { lazy, startTransition, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

import { Disclosure } from '../ui/Disclosure.tsx'
import { DraftAutosaver } from '../drafts/DraftControls.tsx'
import type { FormBinding } from './Launcher.tsx'
import { fetchLauncherConfig, type LauncherConfig } from '../connection/launcherConfig.ts'
import { hasLauncherState } from './hasLauncherState.ts'
import { launcherLoadsAtOnce } from './launcherLoadsAtOnce.ts'
import { linkDraftKey } from '../drafts/linkDraftKey.ts'
import { modelPicker } from '../pickers/modelPicker.ts'
import { createValuesChannel, type ValuesChannel } from '../form/valuesChannel.ts'
import { BUNDLED_MODELS } from '../contract/bundledModelCatalog.ts'
import type { EmbedParams } from '../embed/parseEmbedParams.ts'
import { RunForm, type RunFormHandle } from '../form/RunForm.tsx'
import { useIdleAfterMount, whenIdle } from '../lib/useIdleAfterMount.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import type { FormValues } from '../schema/fieldModel.ts'
import { FIELD } from '../schema/fieldRules.ts'
import { createDraftStore, lazyBrowserStorage, type DraftStore } from '../drafts/draftStore.ts'
import { mergeInitialValues } from '../links/mergePrefill.ts'
import type { DecodedPrefill } from '../links/prefillCodec.ts'

// After the previous page's last draft save on a reload (its pagehide), unlike the navigation's start.
const PAGE_OPENED_AT = Date.now()

// Everything that talks to PostHog loads after the form, so the first character can be typed at once.
const loadLauncher = () => import('./Launcher.tsx')
const Launcher = lazy(() => loadLauncher().then((module) => ({ default: module.Launcher })))
// The request preview (at idle) and the folded share and embed panels: one chunk, loaded when the first is shown.
const loadPanels = () => import('./lazyPanels.ts')
const RequestPreview = lazy(() => loadPanels().then((module) => ({ default: module.RequestPreview })))
const SharePanel = lazy(() => loadPanels().then((module) => ({ default: module.SharePanel })))
const EmbedSnippetPanel = lazy(() => loadPanels().then((module) => ({ default: module.EmbedSnippetPanel })))

interface AppProps {
    prefill: DecodedPrefill
    embed: EmbedParams
    /** Tests pass their own client to inspect its caches. */
    queryClient?: QueryClient | undefined
}

/** The form as it mounts before the launcher has loaded: the bundled schema, the link's values, nothing remote. */
function initialBinding(
    prefill: DecodedPrefill,
    defaultValues: FormValues,
    onSubmit: () => void,
    onValuesChange: ((values: FormValues) => void) | undefined
): FormBinding {
    return {
        key: 'bundled',
        model: BUNDLED_FIELD_MODEL,
        context: { models: BUNDLED_MODELS },
        defaultValues,
        lockedFields: new Set(prefill.locked),
        pickers: new Map([[FIELD.model, modelPicker(BUNDLED_MODELS)]]),
        target: {
            host: prefill.connection.host ?? '',
            projectId: prefill.connection.projectId ?? '',
            taskId: prefill.connection.taskId ?? '',
        },
        onSubmit,
        onValuesChange,
    }
}

interface LinkDraft {
    draftKey: string
    store: DraftStore
    values: ValuesChannel
    startFrom: FormValues
}

/** A link that names its task keeps a draft of what is typed before the launcher loads, as the launcher would. */
function startLinkDraft(prefill: DecodedPrefill, startFrom: FormValues): LinkDraft | undefined {
    const draftKey = linkDraftKey(prefill.connection)
    if (draftKey === null) return undefined
    // Starts from the form's first values: only a change from them is worth a draft.
    return {
        draftKey,
        store: createDraftStore(lazyBrowserStorage()),
        values: createValuesChannel(startFrom),
        startFrom,
    }
}

/** The deployment's config, asked for once the browser is idle after the form's first paint. */
function useLauncherConfig(): LauncherConfig | undefined {
    const [config, setConfig] = useState<LauncherConfig | undefined>()
    useEffect(() => {
        const controller = new AbortController()
        const cancel = whenIdle(() => {
            void fetchLauncherConfig(controller.signal).then((loaded) => {
                // A transition: mounting the launcher yields to the user's keystrokes instead of blocking them.
                startTransition(() => {
                    setConfig(loaded)
                })
            })
        })
        return () => {
            cancel()
            controller.abort()
        }
    }, [])
    return config
}

function LauncherPlaceholder({
    onConnect,
    target,
}: {
    onConnect: (() => void) | undefined
    target: FormBinding['target']
}): ReactNode {
    const where = [target.projectId && `in project ${target.projectId}`, target.host && `on ${target.host}`]
    const fromLink = target.host !== '' || target.projectId !== '' || target.taskId !== ''
    const invitation = fromLink
        ? `This link starts a run ${where.filter(Boolean).join(' ')}`.trimEnd() +
          '. Connect with your personal API key to start it. You can fill the form first.'
        : 'Connect to your PostHog project to pick a task and start runs. You can fill the form first.'
    return (
        <section className="panel launcher-placeholder" aria-labelledby="connect-title">
            <h2 id="connect-title">PostHog connection</h2>
            {onConnect ? (
                <>
                    <p className="field-help">{invitation}</p>
                    <button
                        type="button"
                        className="button primary"
                        onClick={onConnect}
                        // Fetch the code while the pointer is on its way, so the panel opens at once.
                        onPointerEnter={() => void loadLauncher()}
                        onFocus={() => void loadLauncher()}
                    >
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
    // A returning user, an embed or a server-held key needs the launcher at once; a first visit loads it on demand.
    const [requested, setRequested] = useState<'auto' | 'connect' | 'submit'>('auto')
    const [start] = useState(() => {
        const defaultValues = mergeInitialValues(BUNDLED_FIELD_MODEL, { url: prefill.values, locked: prefill.locked })
        const draft = startLinkDraft(prefill, defaultValues)
        const onSubmit = () => {
            setRequested('submit')
        }
        return { linkDraft: draft, binding: initialBinding(prefill, defaultValues, onSubmit, draft?.values.publish) }
    })
    const { linkDraft } = start
    const [binding, setBinding] = useState(start.binding)
    const config = useLauncherConfig()
    const idle = useIdleAfterMount()
    const { key, focus, belowForm, ...formProps } = binding
    // Asked once, when the config is in: reading storage would cost the first paint, and "Forget key" must not unmount it.
    const loadsAtOnce = useMemo(
        () =>
            config !== undefined &&
            launcherLoadsAtOnce({
                embedded: embed.embedded,
                serverHeldKey: config.serverHeldKey !== undefined,
                prefill,
                returning: hasLauncherState(),
            }),
        [config, embed.embedded, prefill]
    )
    const launcherWanted = config !== undefined && (loadsAtOnce || requested !== 'auto')

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
                <Suspense fallback={<LauncherPlaceholder onConnect={undefined} target={binding.target} />}>
                    {launcherWanted ? (
                        <Launcher
                            prefill={prefill}
                            embed={embed}
                            contentRef={contentRef}
                            form={formRef}
                            onBinding={setBinding}
                            config={config}
                            startBlocked={requested === 'submit'}
                            focusConnection={requested === 'connect'}
                            pageOpenedAt={PAGE_OPENED_AT}
                            queryClient={queryClient}
                        />
                    ) : (
                        <LauncherPlaceholder
                            target={binding.target}
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
                {/* Mounted once the launcher decision is taken, so this page's own draft cannot make it "returning". */}
                {linkDraft && config !== undefined && !launcherWanted ? (
                    <DraftAutosaver
                        store={linkDraft.store}
                        model={BUNDLED_FIELD_MODEL}
                        draftKey={linkDraft.draftKey}
                        values={linkDraft.values}
                        enabled
                        startFrom={linkDraft.startFrom}
                    />
                ) : null}
                {/* progressive unless a control must get its focus back after a remount */}
                <RunForm
                    key={key}
                    ref={formRef}
                    progressive={focus === undefined}
                    preview={RequestPreview}
                    {...formProps}
                />
                {/* below the form and folded: they come at idle, with the form's lower fields */}
                {embed.embedded || !idle ? null : (
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
                {belowForm}
            </main>
        </div>
    )
}
