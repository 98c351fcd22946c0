import { useMutation } from '@tanstack/react-query'
import { useCallback, useState } from 'react'

import type { ApiError } from '../api/ApiError.ts'
import type { PostHogClient } from '../api/createPostHogClient.ts'
import { routeApiError } from '../api/routeApiError.ts'
import { runTaskMutationOptions } from '../api/runTaskMutationOptions.ts'
import type { ServerFieldErrors } from '../form/RunForm.tsx'
import type { FieldModel, RunRequestBody } from '../schema/fieldModel.ts'
import { addRecentRun, type RecentRun, type RunHistoryStore } from './runHistory.ts'
import type { RunReference } from './RunResult.tsx'

/** Why a submit could not start a run: nothing to connect with, or no task chosen. */
export type SubmitBlocker = 'connect' | 'task'

/** What others do when a submit ends (the draft is cleared, the embedding host is told). */
export interface SubmissionEvents {
    onBlocked: (blocker: SubmitBlocker) => void
    onStarted: (run: RunReference, status: string) => void
    onFailed: (error: ApiError) => void
}

export interface RunSubmissionOptions {
    client: PostHogClient | undefined
    model: FieldModel
    taskId: string
    taskTitle: string | undefined
    linkHost: string
    historyStore: RunHistoryStore
    /** Set when the user tried to start a run before the launcher had loaded. */
    startBlocked: boolean
    events: SubmissionEvents
}

export interface RunSubmission {
    startRun: (body: RunRequestBody) => void
    submitting: boolean
    /** The run whose result is shown: the one just started, or one reopened from the history. */
    result: RunReference | undefined
    showResult: (run: RunReference | undefined) => void
    history: readonly RecentRun[]
    serverErrors: ServerFieldErrors | undefined
    submitError: ApiError | undefined
    blocker: SubmitBlocker | undefined
    /** The task was chosen: a "choose a task" blocker is done. */
    taskChosen: () => void
    /** Artifact ids PostHog did not know, each time a submit names some. */
    missingArtifacts: { id: number; artifactIds: readonly string[] } | undefined
}

/** Starting a run: the request, its blockers and errors, the result to show, and the recent runs kept. */
export function useRunSubmission({
    client,
    model,
    taskId,
    taskTitle,
    linkHost,
    historyStore,
    startBlocked,
    events,
}: RunSubmissionOptions): RunSubmission {
    const [history, setHistory] = useState<readonly RecentRun[]>(() => historyStore.load())
    const [result, setResult] = useState<RunReference | undefined>()
    const [serverErrors, setServerErrors] = useState<ServerFieldErrors | undefined>()
    const [submitError, setSubmitError] = useState<ApiError | undefined>()
    const [blocker, setBlocker] = useState<SubmitBlocker | undefined>(startBlocked ? 'connect' : undefined)
    const [missingArtifacts, setMissingArtifacts] = useState<RunSubmission['missingArtifacts']>()
    const { mutate, isPending } = useMutation(runTaskMutationOptions(client, model))
    const { onBlocked, onStarted, onFailed } = events

    const startRun = useCallback(
        (body: RunRequestBody) => {
            if (!client || taskId === '') {
                const missing = client ? 'task' : 'connect'
                setSubmitError(undefined)
                setBlocker(missing)
                onBlocked(missing)
                return
            }
            const runTaskId = taskId
            mutate(
                { taskId: runTaskId, body },
                {
                    onSuccess: (started) => {
                        if (started.runId === undefined) return
                        const reference: RunReference = {
                            host: client.host,
                            taskId: runTaskId,
                            runId: started.runId,
                            taskTitle: started.task.title ?? taskTitle,
                            linkHost,
                            projectId: client.projectId,
                        }
                        setResult(reference)
                        const entry: RecentRun = {
                            ...reference,
                            model: started.run?.model,
                            branch: started.run?.branch,
                            startedAt: Date.now(),
                        }
                        setHistory((previous) => {
                            const next = addRecentRun(previous, entry)
                            historyStore.save(next)
                            return next
                        })
                        onStarted(reference, started.run?.status ?? 'queued')
                    },
                    onError: (error) => {
                        const routed = routeApiError(error)
                        setServerErrors({ id: Date.now(), errors: routed.fieldErrors })
                        setSubmitError(routed.banner === undefined ? undefined : error)
                        if (error.info.kind === 'validation' && error.info.missingArtifactIds.length > 0) {
                            setMissingArtifacts({ id: Date.now(), artifactIds: error.info.missingArtifactIds })
                        }
                        onFailed(error)
                    },
                }
            )
            // After mutate, so the request leaves before React re-renders for them.
            setSubmitError(undefined)
            setBlocker(undefined)
        },
        [client, taskId, taskTitle, linkHost, mutate, historyStore, onBlocked, onStarted, onFailed]
    )
    const taskChosen = useCallback(() => {
        setBlocker((current) => (current === 'task' ? undefined : current))
    }, [])

    return {
        startRun,
        submitting: isPending,
        result,
        showResult: setResult,
        history,
        serverErrors,
        submitError,
        blocker,
        taskChosen,
        missingArtifacts,
    }
}
