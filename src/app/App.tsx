import type { QueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useMemo, useRef, useState, type ReactNode } from 'react'

import { useLauncherConfig } from '../connection/useLauncherConfig.ts'
import { DraftAutosaver } from '../drafts/DraftControls.tsx'
import { startLinkDraft } from '../drafts/startLinkDraft.ts'
import type { EmbedParams } from '../embed/parseEmbedParams.ts'
import { createFormSlots } from '../form/formSlots.ts'
import type { RunFormHandle } from '../form/RunForm.tsx'
import { createStore } from '../lib/createStore.ts'
import { useIdleAfterMount } from '../lib/useIdleAfterMount.ts'
import { mergeInitialValues } from '../links/mergePrefill.ts'
import type { DecodedPrefill } from '../links/prefillCodec.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { BoundRunForm } from './BoundRunForm.tsx'
import { BELOW_FORM_SLOT, initialBinding } from './formBinding.ts'
import { hasLauncherState } from './hasLauncherState.ts'
import { LauncherPlaceholder } from './LauncherPlaceholder.tsx'
import { launcherLoadsAtOnce } from './launcherLoadsAtOnce.ts'
import { loadPanels } from './loadPanels.ts'
import { SharePanels } from './SharePanels.tsx'

// After the previous page's last draft save on a reload (its pagehide), unlike the navigation's start.
const PAGE_OPENED_AT = Date.now()

// Everything that talks to PostHog loads after the form, so the first character can be typed at once.
const loadLauncher = () => import('./Launcher.tsx')
const Launcher = lazy(() => loadLauncher().then((module) => ({ default: module.Launcher })))
const RequestPreview = lazy(() => loadPanels().then((module) => ({ default: module.RequestPreview })))
const prefetchLauncher = () => void loadLauncher()

interface AppProps {
    prefill: DecodedPrefill
    embed: EmbedParams
    /** Tests pass their own client to inspect its caches. */
    queryClient?: QueryClient | undefined
}

type LauncherRequest = 'auto' | 'connect' | 'submit'

/** What the shell makes once: the form's first binding and the store it lives in, the slots, a link's draft. */
function createShell(prefill: DecodedPrefill, requestLauncher: (request: LauncherRequest) => void) {
    const defaultValues = mergeInitialValues(BUNDLED_FIELD_MODEL, { url: prefill.values, locked: prefill.locked })
    const linkDraft = startLinkDraft(prefill, defaultValues)
    const binding = initialBinding(
        prefill,
        defaultValues,
        () => {
            requestLauncher('submit')
        },
        linkDraft?.values.publish
    )
    return { binding: createStore(binding), initialTarget: binding.target, slots: createFormSlots(), linkDraft }
}

/** The composition root: the form at once, and the launcher that wires it to PostHog, URLs and embedding. */
export function App({ prefill, embed, queryClient }: AppProps): ReactNode {
    const contentRef = useRef<HTMLDivElement>(null)
    const formRef = useRef<RunFormHandle>(null)
    // A returning user, an embed or a server-held key needs the launcher at once; a first visit loads it on demand.
    const [requested, setRequested] = useState<LauncherRequest>('auto')
    const [shell] = useState(() => createShell(prefill, setRequested))
    const { binding, slots, linkDraft } = shell
    const idle = useIdleAfterMount()
    const config = useLauncherConfig(idle || requested !== 'auto')
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
    const placeholder = (
        <LauncherPlaceholder
            target={shell.initialTarget}
            onPrefetch={prefetchLauncher}
            onConnect={
                // An embed waits for its launcher; a person can ask to connect at the first paint.
                embed.embedded || requested !== 'auto'
                    ? undefined
                    : () => {
                          setRequested('connect')
                      }
            }
        />
    )

    return (
        <div className={embed.embedded ? 'app embedded' : 'app'} ref={contentRef}>
            {embed.embedded ? null : (
                <header className="app-header">
                    <h1>Run Launcher</h1>
                    <p>Start Claude agent runs on PostHog Tasks.</p>
                </header>
            )}
            <main>
                <Suspense fallback={placeholder}>
                    {launcherWanted ? (
                        <Launcher
                            prefill={prefill}
                            embed={embed}
                            contentRef={contentRef}
                            form={formRef}
                            binding={binding}
                            slots={slots}
                            config={config}
                            startBlocked={requested === 'submit'}
                            focusConnection={requested === 'connect'}
                            pageOpenedAt={PAGE_OPENED_AT}
                            queryClient={queryClient}
                        />
                    ) : (
                        placeholder
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
                <BoundRunForm ref={formRef} binding={binding} slots={slots} preview={RequestPreview} />
                {/* below the form and folded: they come at idle, with the form's lower fields */}
                {embed.embedded || !idle ? null : (
                    <SharePanels binding={binding} form={formRef} embedAllowedOrigins={config?.embedAllowedOrigins} />
                )}
                <div className="form-slot" ref={slots.ref(BELOW_FORM_SLOT)} />
            </main>
        </div>
    )
}
