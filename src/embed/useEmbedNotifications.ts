import { useCallback, useMemo } from 'react'

import type { ApiError } from '../api/ApiError.ts'
import { buildRunLink } from '../api/postHogHosts.ts'
import type { SubmitBlocker } from './embedReplies.ts'
import type { EmbedBridge } from './useEmbedBridge.ts'

/** The run as the launcher knows it once started: enough to name it and link to it in PostHog. */
export interface StartedRun {
    taskId: string
    runId: string
    linkHost: string
    projectId: string
}

export interface EmbedNotifications {
    onBlocked: (blocker: SubmitBlocker) => void
    onStarted: (run: StartedRun, status: string) => void
    onFailed: (error: ApiError) => void
    /** A followed run's status changed. */
    onRunStatus: (run: StartedRun, status: string) => void
}

/** What the embedding host is told about submits and runs: ids, statuses and links, never a value or secret. */
export function useEmbedNotifications(bridge: EmbedBridge): EmbedNotifications {
    const { notifySubmitBlocked, notifySubmitted, notifySubmitFailed, notifyRunStatus } = bridge
    const onStarted = useCallback(
        (run: StartedRun, status: string) => {
            const link = buildRunLink(run.linkHost, run.projectId, run.taskId, run.runId)
            notifySubmitted({ taskId: run.taskId, runId: run.runId, status, link })
        },
        [notifySubmitted]
    )
    const onRunStatus = useCallback(
        (run: StartedRun, status: string) => {
            notifyRunStatus({ taskId: run.taskId, runId: run.runId, status })
        },
        [notifyRunStatus]
    )
    return useMemo(
        () => ({ onBlocked: notifySubmitBlocked, onStarted, onFailed: notifySubmitFailed, onRunStatus }),
        [notifySubmitBlocked, onStarted, notifySubmitFailed, onRunStatus]
    )
}
