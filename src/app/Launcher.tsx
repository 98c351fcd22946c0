import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query'
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'

import { holdAnswersWhileTyping } from '../api/holdAnswersWhileTyping.ts'
import type { Task, TaskRun } from '../api/postHogSchemas.ts'
import { modelsQueryOptions } from '../api/modelsQueryOptions.ts'
import { prefetchConnected } from '../api/prefetchConnected.ts'
import { runDefaultsQueryOptions } from '../api/runDefaultsQueryOptions.ts'
import { mergeArtifactIds } from '../attachments/mergeArtifactIds.ts'
import { ConnectionPanel } from '../connection/ConnectionPanel.tsx'
import { loadSettings, loadSettingsHost } from '../connection/connectionSettings.ts'
import { decideStartingConnection } from '../connection/decideStartingConnection.ts'
import { browserStorages, createKeyStore } from '../connection/keyStore.ts'
import type { LauncherConfig } from '../connection/launcherConfig.ts'
import { TaskPicker } from '../connection/TaskPicker.tsx'
import { useConnection } from '../connection/useConnection.ts'
import { BUNDLED_MODELS } from '../contract/bundledModelCatalog.ts'
import { DraftAutosaver, DraftPrompt } from '../drafts/DraftControls.tsx'
import { browserStorage, createDraftStore, draftKey } from '../drafts/draftStore.ts'
import type { DraftAutosave } from '../drafts/useDraftAutosave.ts'
import { useDraftOffer } from '../drafts/useDraftOffer.ts'
import { hostSubmitPolicy } from '../embed/hostSubmitPolicy.ts'
import type { EmbedParams } from '../embed/parseEmbedParams.ts'
import { useEmbedBridge } from '../embed/useEmbedBridge.ts'
import { useEmbedNotifications } from '../embed/useEmbedNotifications.ts'
import type { FormSlots } from '../form/formSlots.ts'
import type { RunFormHandle } from '../form/RunForm.tsx'
import type { Store } from '../lib/createStore.ts'
import { mergeInitialValues } from '../links/mergePrefill.ts'
import type { DecodedPrefill } from '../links/prefillCodec.ts'
import { PrefillNotice } from '../links/PrefillNotice.tsx'
import { useLinkPrefill } from '../links/useLinkPrefill.ts'
import { SchemaNotice } from '../liveSchema/SchemaNotice.tsx'
import { useFieldModel } from '../liveSchema/useFieldModel.ts'
import { useFormSeed } from '../liveSchema/useFormSeed.ts'
import { usePickers } from '../pickers/usePickers.ts'
import { createRunHistoryStore } from '../results/runHistory.ts'
import { RunResult } from '../results/RunResult.tsx'
import { useRunSubmission, type SubmissionEvents } from '../results/useRunSubmission.ts'
import { FIELD, type RuleContext } from '../schema/fieldRules.ts'
import { secretValues } from '../schema/mapSecrets.ts'
import type { FormBinding } from './formBinding.ts'
import { LauncherSlotContent } from './LauncherSlotContent.tsx'

export interface LauncherProps {
    prefill: DecodedPrefill
    embed: EmbedParams
    /** The element wrapping all content (its height is reported to an embedding host). */
    contentRef: RefObject<HTMLElement | null>
    form: RefObject<RunFormHandle | null>
    /** Where the launcher publishes what the form mounts with. */
    binding: Store<FormBinding>
    /** The elements the form and the shell expose for the launcher's notice, attachments and recent runs. */
    slots: FormSlots
    /** What the deployment's server said about itself (browser-key mode when it said nothing). */
    config: LauncherConfig
    /** Set when the user tried to start a run before the launcher had loaded. */
    startBlocked?: boolean | undefined
    /** Set when the user asked to connect: focus goes to the connection panel. */
    focusConnection?: boolean | undefined
    /** When the page's code started (epoch ms): drafts saved since are this page's own work, not ones to offer. */
    pageOpenedAt: number
    /** Tests pass their own client to inspect its caches. */
    queryClient?: QueryClient | undefined
}

const DEFAULT_QUERY_CLIENT = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } })
const ATTACHMENT_SLOTS: ReadonlySet<string> = new Set([FIELD.artifactIds])
const NO_SLOTS: ReadonlySet<string> = new Set()

/**
 * Everything around the form that talks to PostHog, loaded after the form so typing can start at once:
 * connection, task, pickers, live schema, submit, result, drafts, sharing and embedding.
 */
export const Launcher = memo(function Launcher({ queryClient, ...props }: LauncherProps): ReactNode {
    useEffect(() => holdAnswersWhileTyping(window), [])
    return (
        <QueryClientProvider client={queryClient ?? DEFAULT_QUERY_CLIENT}>
            <LauncherBody {...props} />
        </QueryClientProvider>
    )
})

function LauncherBody({
    prefill,
    embed,
    contentRef,
    form: formRef,
    binding: bindingStore,
    slots,
    config,
    startBlocked = false,
    focusConnection = false,
    pageOpenedAt,
}: Omit<LauncherProps, 'queryClient'>): ReactNode {
    const storages = useMemo(() => browserStorages(), [])
    const storedHost = useMemo(() => loadSettingsHost(storages.local), [storages])
    const keyStore = useMemo(() => createKeyStore(storages, { legacyHost: storedHost }), [storages, storedHost])
    const draftStore = useMemo(() => createDraftStore(browserStorage()), [])
    const historyStore = useMemo(() => createRunHistoryStore(storages.local), [storages])

    const { serverHeldKey, allowedPostHogHosts } = config
    // A remembered key goes only to the host it was checked against; a link to another host asks first.
    const starting = useMemo(
        () =>
            decideStartingConnection({
                stored: loadSettings(storages.local),
                storedHost,
                remembered: keyStore.load(),
                link: prefill.connection,
                allowedPostHogHosts,
                serverHeldKey: serverHeldKey !== undefined,
            }),
        [storages, storedHost, keyStore, prefill, allowedPostHogHosts, serverHeldKey]
    )
    const connection = useConnection({
        starting,
        keyStore,
        settingsStorage: storages.local,
        serverHeldKey,
        allowedPostHogHosts,
    })
    const { client, linkHost } = connection
    const schema = useFieldModel(client)
    const { model } = schema
    const link = useLinkPrefill({ startup: prefill, model, settled: schema.settled, connected: client !== undefined })

    const [taskId, setTaskId] = useState(prefill.connection.taskId ?? '')
    const [task, setTask] = useState<Task | undefined>()
    const models = useQuery(modelsQueryOptions(client))
    // What a connected launcher will need goes out beside the connection check, not after it.
    const queryClient = useQueryClient()
    const early = client ?? connection.checking
    useEffect(() => {
        if (early) prefetchConnected(queryClient, early, taskId)
    }, [queryClient, early, taskId])
    const runDefaults = useQuery(runDefaultsQueryOptions(client)).data
    const context: RuleContext = useMemo(
        () => ({ models: models.data ?? BUNDLED_MODELS, runDefaults }),
        [models.data, runDefaults]
    )
    const pickers = usePickers(client, taskId, context.models, runDefaults)

    // A model with other fields remounts the form, starting from what the user had: nothing typed is lost.
    const formSeed = useFormSeed(model, link.prefill)
    const { valuesChannel } = formSeed
    const lockedFields = useMemo(() => new Set(link.prefill.locked), [link.prefill])
    // Values typed before this chunk loaded are in the form only: seed the channel with them.
    useEffect(() => {
        const typed = formRef.current?.getValues()
        if (typed) valuesChannel.publish(typed)
    }, [formRef, valuesChannel])

    const { projectId } = connection.settings
    const currentDraftKey = projectId && taskId ? draftKey(linkHost, projectId, taskId) : null
    const draftOffer = useDraftOffer({ store: draftStore, model, draftKey: currentDraftKey, pageOpenedAt })
    const autosaveRef = useRef<DraftAutosave | null>(null)

    const embedBridge = useEmbedBridge({
        params: embed,
        model,
        contentRef,
        form: formRef,
        getSecrets: () => [connection.apiKey, ...secretValues(model, formRef.current?.getValues() ?? {})],
        lockedFields,
        hostSubmit: hostSubmitPolicy({
            serverHeldKey: serverHeldKey !== undefined,
            embedHostSubmit: config.embedHostSubmit,
        }),
    })
    const notifications = useEmbedNotifications(embedBridge)
    const events: SubmissionEvents = useMemo(
        () => ({
            onBlocked: notifications.onBlocked,
            onStarted: (run, status) => {
                autosaveRef.current?.clear()
                formRef.current?.endSubmit()
                notifications.onStarted(run, status)
            },
            onFailed: notifications.onFailed,
        }),
        [notifications, formRef]
    )
    const submission = useRunSubmission({
        client,
        model,
        taskId,
        taskTitle: task?.title,
        linkHost,
        historyStore,
        startBlocked,
        events,
    })
    const { result } = submission
    const onRunStatus = useCallback(
        (run: TaskRun) => {
            if (result && run.status) notifications.onRunStatus(result, run.status)
        },
        [result, notifications]
    )
    // Attached files swap their own ids in the field; ids typed by hand stay.
    const onArtifactIdsChange = useCallback(
        (previous: readonly string[], next: readonly string[]) => {
            const form = formRef.current
            if (!form) return
            const current = form.getValues()[FIELD.artifactIds]
            form.setValues({ [FIELD.artifactIds]: mergeArtifactIds(current, previous, next) })
        },
        [formRef]
    )

    // Stable, so the memoised task picker and submit notice skip the launcher's renders; "Continue this run" uses it too.
    const { taskChosen } = submission
    const onTaskChange = useCallback(
        (nextTaskId: string, nextTask: Task | undefined) => {
            setTaskId(nextTaskId)
            setTask(nextTask)
            if (nextTaskId !== '') taskChosen()
        },
        [taskChosen]
    )
    const retrySubmit = useCallback(() => {
        formRef.current?.submit()
    }, [formRef])

    const target = useMemo(() => ({ host: linkHost, projectId, taskId }), [linkHost, projectId, taskId])
    const binding: FormBinding = useMemo(
        () => ({
            key: formSeed.key,
            focus: formSeed.focus,
            model,
            context,
            defaultValues: formSeed.values,
            lockedFields,
            pickers,
            target,
            submitting: submission.submitting,
            serverErrors: submission.serverErrors,
            onSubmit: submission.startRun,
            onValuesChange: valuesChannel.publish,
            onInvalid: embedBridge.notifyInvalid,
            collapsePreview: embed.embedded,
            slotFields: model.byName.has(FIELD.artifactIds) ? ATTACHMENT_SLOTS : NO_SLOTS,
        }),
        [
            formSeed,
            model,
            context,
            lockedFields,
            pickers,
            target,
            submission.submitting,
            submission.serverErrors,
            submission.startRun,
            valuesChannel,
            embedBridge.notifyInvalid,
            embed.embedded,
        ]
    )
    // Published when it changes, never on a render that changed nothing the form shows.
    useEffect(() => {
        bindingStore.set(binding)
    }, [bindingStore, binding])

    return (
        <>
            <PrefillNotice problems={link.problems} hadSecrets={link.prefill.hadSecrets} source="link" />
            {embedBridge.hostProblems ? (
                <PrefillNotice
                    key={embedBridge.hostProblemsKey}
                    problems={embedBridge.hostProblems.problems}
                    hadSecrets={embedBridge.hostProblems.refusedSecrets.length > 0}
                    source="host page"
                />
            ) : null}
            <ConnectionPanel connection={connection} embedded={embed.embedded} autoFocus={focusConnection} />
            <TaskPicker client={client} taskId={taskId} onTaskChange={onTaskChange} />
            {result ? (
                <RunResult
                    run={result}
                    client={client?.host === result.host && client.projectId === result.projectId ? client : undefined}
                    onStartAnother={() => {
                        submission.showResult(undefined)
                    }}
                    onStatus={onRunStatus}
                    allowCancel={config.runControls?.cancel ?? true}
                    allowMessages={config.runControls?.messages ?? true}
                    onContinue={(ended) => {
                        // The follow-up is a new run of the same task, started from the form like any other.
                        if (ended.taskId !== taskId) onTaskChange(ended.taskId, undefined)
                        formRef.current?.setValues({ [FIELD.resumeFromRunId]: ended.runId })
                        formRef.current?.focus(FIELD.message)
                    }}
                />
            ) : null}
            {draftOffer.offered ? (
                <DraftPrompt
                    savedAt={draftOffer.offered.savedAt}
                    onRestore={() => {
                        const draft = draftOffer.restore()
                        if (!draft) return
                        const { values, locked } = link.prefill
                        formRef.current?.setValues(
                            mergeInitialValues(model, { url: values, draft: draft.values, locked })
                        )
                    }}
                    onDiscard={draftOffer.discard}
                />
            ) : null}
            <SchemaNotice schema={schema} />
            <DraftAutosaver
                store={draftStore}
                model={model}
                draftKey={currentDraftKey}
                values={valuesChannel}
                enabled={draftOffer.autosave}
                autosaveRef={autosaveRef}
            />
            <LauncherSlotContent
                slots={slots}
                client={client}
                taskId={taskId}
                submission={submission}
                embedBridge={embedBridge}
                hasAttachments={model.byName.has(FIELD.artifactIds)}
                embedded={embed.embedded}
                onArtifactIdsChange={onArtifactIdsChange}
                onRetry={retrySubmit}
            />
        </>
    )
}
