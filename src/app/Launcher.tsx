import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query'
import {
    memo,
    startTransition,
    useCallback,
    useEffect,
    useMemo,
    useRef,
    useState,
    type ReactNode,
    type RefObject,
} from 'react'

import type { ApiError } from '../api/ApiError.ts'
import { buildRunLink } from '../api/postHogHosts.ts'
import type { Task, TaskRun } from '../api/postHogSchemas.ts'
import { modelsQueryOptions } from '../api/modelsQueryOptions.ts'
import { routeApiError } from '../api/routeApiError.ts'
import { runTaskMutationOptions } from '../api/runTaskMutationOptions.ts'
import { Banner } from './Banner.tsx'
import { DraftAutosaver, DraftPrompt } from './DraftControls.tsx'
import type { LauncherConfig } from './launcherConfig.ts'
import { deferUnknownParams, prefillForModel } from './prefillForModel.ts'
import { PrefillNotice } from './PrefillNotice.tsx'
import { SchemaNotice } from './SchemaNotice.tsx'
import { SubmitProblem } from './SubmitProblem.tsx'
import { useEmbedBridge } from './useEmbedBridge.ts'
import { useFieldModel } from './useFieldModel.ts'
import { useFormSeed } from './useFormSeed.ts'
import { usePickers } from './usePickers.ts'
import { AttachmentsField, type MissingArtifacts } from '../attachments/AttachmentsField.tsx'
import { mergeArtifactIds } from '../attachments/mergeArtifactIds.ts'
import { ConnectionPanel } from '../connection/ConnectionPanel.tsx'
import { loadSettings, settingsForHost } from '../connection/connectionSettings.ts'
import { browserStorages, createKeyStore } from '../connection/keyStore.ts'
import { TaskPicker } from '../connection/TaskPicker.tsx'
import { useConnection } from '../connection/useConnection.ts'
import { BUNDLED_MODELS } from '../contract/bundledModelCatalog.ts'
import type { EmbedParams } from '../embed/parseEmbedParams.ts'
import type { RunFormHandle, RunFormProps, ServerFieldErrors } from '../form/RunForm.tsx'
import { RecentRuns } from '../results/RecentRuns.tsx'
import { createRunHistoryStore, addRecentRun, type RecentRun } from '../results/runHistory.ts'
import { RunResult, type RunReference } from '../results/RunResult.tsx'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import type { FieldModel, FormValues, RunRequestBody } from '../schema/fieldModel.ts'
import { FIELD, type RuleContext } from '../schema/fieldRules.ts'
import { browserStorage, createDraftStore, draftKey, type Draft } from '../url/draftStore.ts'
import { mergeInitialValues } from '../url/mergePrefill.ts'
import type { DecodedPrefill } from '../url/prefillCodec.ts'
import type { DraftAutosave } from '../url/useDraftAutosave.ts'

/** Everything the run form mounts with, published by the launcher to the shell that renders the form. */
export type FormBinding = Omit<RunFormProps, 'ref'> & {
    key: string
    /** A control to focus once the form with this key has mounted (it remounted under the user's fingers). */
    focus?: string | undefined
    /** The panels the shell shows below the form (recent runs). */
    belowForm?: ReactNode
}

export interface LauncherProps {
    prefill: DecodedPrefill
    embed: EmbedParams
    /** The element wrapping all content (its height is reported to an embedding host). */
    contentRef: RefObject<HTMLElement | null>
    form: RefObject<RunFormHandle | null>
    onBinding: (binding: FormBinding) => void
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

type SubmitBlocker = 'connect' | 'task' | undefined

function sensitiveValues(model: FieldModel, values: FormValues): string[] {
    return model.fields
        .filter((field) => field.sensitive)
        .map((field) => values[field.name])
        .filter((value): value is string => typeof value === 'string' && value !== '')
}

/**
 * Everything around the form that talks to PostHog, loaded after the form so typing can start at once:
 * connection, task, pickers, live schema, submit, result, drafts, sharing and embedding.
 */
export const Launcher = memo(function Launcher({ queryClient, ...props }: LauncherProps): ReactNode {
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
    onBinding,
    config,
    startBlocked = false,
    focusConnection = false,
    pageOpenedAt,
}: Omit<LauncherProps, 'queryClient'>): ReactNode {
    const storages = useMemo(() => browserStorages(), [])
    const keyStore = useMemo(() => createKeyStore(storages), [storages])
    const draftStore = useMemo(() => createDraftStore(browserStorage()), [])
    const historyStore = useMemo(() => createRunHistoryStore(storages.local), [storages])

    const { serverHeldKey } = config
    const initialSettings = useMemo(() => {
        let settings = loadSettings(storages.local)
        if (prefill.connection.host) settings = settingsForHost(settings, prefill.connection.host)
        if (prefill.connection.projectId) settings = { ...settings, projectId: prefill.connection.projectId }
        return settings
    }, [storages, prefill])
    const connection = useConnection({
        initialSettings,
        keyStore,
        settingsStorage: storages.local,
        serverHeldKey,
    })
    const { client } = connection
    const schema = useFieldModel(client)
    const { model } = schema
    // main.tsx decoded the link for the bundled model; a live one reads it again, so its new fields take link values.
    const linkPrefill = useMemo(
        () => (model === BUNDLED_FIELD_MODEL ? prefill : prefillForModel(model, prefill)),
        [model, prefill]
    )
    const linkProblems = useMemo(
        () => (schema.settled ? linkPrefill.problems : deferUnknownParams(linkPrefill.problems, client !== undefined)),
        [schema.settled, linkPrefill, client]
    )
    useEffect(() => {
        // A field the live schema marks writeOnly may have come in the link: keep it out of the address bar too.
        const { cleanedSearch, cleanedHash } = linkPrefill
        if (cleanedSearch === prefill.cleanedSearch && cleanedHash === prefill.cleanedHash) return
        window.history.replaceState(
            window.history.state,
            '',
            `${window.location.pathname}${cleanedSearch}${cleanedHash}`
        )
    }, [linkPrefill, prefill])

    const [taskId, setTaskId] = useState(prefill.connection.taskId ?? '')
    const [task, setTask] = useState<Task | undefined>()
    const models = useQuery(modelsQueryOptions(client))
    const context: RuleContext = useMemo(() => ({ models: models.data ?? BUNDLED_MODELS }), [models.data])
    const pickers = usePickers(client, taskId, context.models)

    // A model with other fields remounts the form, starting from what the user had: nothing typed is lost.
    const formSeed = useFormSeed(model, linkPrefill)
    const { values: initialValues, valuesChannel } = formSeed
    const lockedFields = useMemo(() => new Set(linkPrefill.locked), [linkPrefill])
    // Values typed before this chunk loaded are in the form only: seed the channel with them.
    useEffect(() => {
        const typed = formRef.current?.getValues()
        if (typed) valuesChannel.publish(typed)
    }, [formRef, valuesChannel])

    // Drafts are kept per (host, project, task); the one found is offered, never applied unasked.
    const currentDraftKey =
        connection.settings.projectId && taskId
            ? draftKey(connection.linkHost, connection.settings.projectId, taskId)
            : null
    const [draftDecision, setDraftDecision] = useState<
        { key: string; draft: Draft | null; model: FieldModel | undefined } | undefined
    >()
    // Read again for a new model until the user decides, so a draft of live-only fields is not missed.
    const rereadDraft = draftDecision?.model !== undefined && draftDecision.model !== model
    if (currentDraftKey !== null && (draftDecision?.key !== currentDraftKey || rereadDraft)) {
        const draft = draftStore.load(model, currentDraftKey)
        // On first read or a reread, a draft saved since the page opened is the work in this form, not one to offer.
        const stale = (draftDecision === undefined || rereadDraft) && draft !== null && draft.savedAt >= pageOpenedAt
        setDraftDecision({ key: currentDraftKey, draft: stale ? null : draft, model })
    }
    const offeredDraft = draftDecision?.key === currentDraftKey ? draftDecision.draft : null
    const autosaveRef = useRef<DraftAutosave | null>(null)

    const [history, setHistory] = useState<RecentRun[]>(() => historyStore.load())
    const [result, setResult] = useState<RunReference | undefined>()
    const [serverErrors, setServerErrors] = useState<ServerFieldErrors | undefined>()
    const [submitError, setSubmitError] = useState<ApiError | undefined>()
    const [blocker, setBlocker] = useState<SubmitBlocker>(startBlocked ? 'connect' : undefined)
    const [missingArtifacts, setMissingArtifacts] = useState<MissingArtifacts | undefined>()
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
    const mutation = useMutation(runTaskMutationOptions(client, model))

    const embedBridge = useEmbedBridge({
        params: embed,
        model,
        contentRef,
        form: formRef,
        getSecrets: () => [connection.apiKey, ...sensitiveValues(model, formRef.current?.getValues() ?? {})],
    })

    const startRun = (body: RunRequestBody) => {
        if (!client || taskId === '') {
            const missing = client ? 'task' : 'connect'
            setSubmitError(undefined)
            setBlocker(missing)
            embedBridge.notifySubmitBlocked(missing)
            return
        }
        const runTaskId = taskId
        mutation.mutate(
            { taskId: runTaskId, body },
            {
                onSuccess: (started) => {
                    if (started.runId === undefined) return
                    const reference: RunReference = {
                        host: client.host,
                        taskId: runTaskId,
                        runId: started.runId,
                        taskTitle: started.task.title ?? task?.title,
                        linkHost: connection.linkHost,
                        projectId: client.projectId,
                    }
                    setResult(reference)
                    autosaveRef.current?.clear()
                    const entry: RecentRun = {
                        host: client.host,
                        linkHost: connection.linkHost,
                        projectId: client.projectId,
                        taskId: runTaskId,
                        taskTitle: reference.taskTitle,
                        runId: started.runId,
                        model: started.run?.model,
                        branch: started.run?.branch,
                        startedAt: Date.now(),
                    }
                    setHistory((previous) => {
                        const next = addRecentRun(previous, entry)
                        historyStore.save(next)
                        return next
                    })
                    embedBridge.notifySubmitted({
                        taskId: runTaskId,
                        runId: started.runId,
                        status: started.run?.status ?? 'queued',
                        link: buildRunLink(connection.linkHost, client.projectId, runTaskId, started.runId),
                    })
                },
                onError: (error) => {
                    const routed = routeApiError(error)
                    setServerErrors({ id: Date.now(), errors: routed.fieldErrors })
                    setSubmitError(routed.banner === undefined ? undefined : error)
                    if (error.info.kind === 'validation' && error.info.missingArtifactIds.length > 0) {
                        setMissingArtifacts({ id: Date.now(), artifactIds: error.info.missingArtifactIds })
                    }
                    embedBridge.notifySubmitFailed(error)
                },
            }
        )
        // After mutate, so the request leaves before React re-renders for them.
        setSubmitError(undefined)
        setBlocker(undefined)
    }

    const { notifyRunStatus } = embedBridge
    const onRunStatus = useCallback(
        (run: TaskRun) => {
            if (result && run.status) {
                notifyRunStatus({ taskId: result.taskId, runId: result.runId, status: run.status })
            }
        },
        [result, notifyRunStatus]
    )

    const notice = (
        <>
            {blocker === 'connect' ? (
                <Banner tone="error" title="Connect to PostHog first">
                    <p>
                        Enter your project and personal API key above and choose “Check connection”. Your values are
                        kept.
                    </p>
                </Banner>
            ) : null}
            {blocker === 'task' ? (
                <Banner tone="error" title="Choose a task">
                    <p>Pick the task to run from the list above, or paste its ID.</p>
                </Banner>
            ) : null}
            {submitError ? (
                <SubmitProblem
                    error={submitError}
                    onRetry={() => {
                        formRef.current?.submit()
                    }}
                />
            ) : null}
        </>
    )

    const binding: FormBinding = {
        key: formSeed.key,
        focus: formSeed.focus,
        model,
        context,
        defaultValues: initialValues,
        lockedFields,
        pickers,
        target: { host: connection.linkHost, projectId: connection.settings.projectId, taskId },
        submitting: mutation.isPending,
        serverErrors,
        onSubmit: startRun,
        onValuesChange: valuesChannel.publish,
        onInvalid: embedBridge.notifyInvalid,
        collapsePreview: embed.embedded,
        notice,
        belowForm: embed.embedded ? undefined : (
            <RecentRuns
                runs={history}
                onOpen={(run) => {
                    setResult({
                        host: run.host,
                        taskId: run.taskId,
                        runId: run.runId,
                        taskTitle: run.taskTitle,
                        linkHost: run.linkHost,
                        projectId: run.projectId,
                    })
                }}
            />
        ),
        addons: model.byName.has(FIELD.artifactIds)
            ? new Map([
                  [
                      FIELD.artifactIds,
                      <AttachmentsField
                          key={FIELD.artifactIds}
                          client={client}
                          taskId={taskId}
                          onArtifactIdsChange={onArtifactIdsChange}
                          missingArtifacts={missingArtifacts}
                      />,
                  ],
              ])
            : undefined,
    }
    // The launcher re-renders only for its own state, never for the shell's: publishing every render cannot loop.
    // A transition, so the form's update never holds up a keystroke.
    useEffect(() => {
        startTransition(() => {
            onBinding(binding)
        })
    })

    return (
        <>
            <PrefillNotice problems={linkProblems} hadSecrets={linkPrefill.hadSecrets} source="link" />
            {embedBridge.hostProblems ? (
                <PrefillNotice
                    key={embedBridge.hostProblemsKey}
                    problems={embedBridge.hostProblems.problems}
                    hadSecrets={embedBridge.hostProblems.refusedSecrets.length > 0}
                    source="host page"
                />
            ) : null}
            <ConnectionPanel connection={connection} embedded={embed.embedded} autoFocus={focusConnection} />
            <TaskPicker
                client={client}
                taskId={taskId}
                onTaskChange={(nextTaskId, nextTask) => {
                    setTaskId(nextTaskId)
                    setTask(nextTask)
                    if (blocker === 'task' && nextTaskId !== '') setBlocker(undefined)
                }}
            />
            {result ? (
                <RunResult
                    run={result}
                    client={client?.host === result.host && client.projectId === result.projectId ? client : undefined}
                    onStartAnother={() => {
                        setResult(undefined)
                    }}
                    onStatus={onRunStatus}
                    allowCancel={config.runControls?.cancel ?? true}
                    allowMessages={config.runControls?.messages ?? true}
                    onContinue={(ended) => {
                        // The follow-up is a new run of the same task, started from the form like any other.
                        if (ended.taskId !== taskId) {
                            setTaskId(ended.taskId)
                            setTask(undefined)
                        }
                        formRef.current?.setValues({ resume_from_run_id: ended.runId })
                        const message = `form.run-form [name="${CSS.escape(FIELD.message)}"]`
                        document.querySelector<HTMLElement>(message)?.focus()
                    }}
                />
            ) : null}
            {offeredDraft && currentDraftKey ? (
                <DraftPrompt
                    savedAt={offeredDraft.savedAt}
                    onRestore={() => {
                        formRef.current?.setValues(
                            mergeInitialValues(model, {
                                url: linkPrefill.values,
                                draft: offeredDraft.values,
                                locked: linkPrefill.locked,
                            })
                        )
                        setDraftDecision({ key: currentDraftKey, draft: null, model: undefined })
                    }}
                    onDiscard={() => {
                        draftStore.clear(currentDraftKey)
                        setDraftDecision({ key: currentDraftKey, draft: null, model: undefined })
                    }}
                />
            ) : null}
            <SchemaNotice schema={schema} />
            <DraftAutosaver
                store={draftStore}
                model={model}
                draftKey={currentDraftKey}
                values={valuesChannel}
                enabled={!offeredDraft}
                autosaveRef={autosaveRef}
            />
        </>
    )
}
