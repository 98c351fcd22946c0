import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore } from 'react'

import { ApiError } from '../api/ApiError.ts'
import { postHogKeys } from '../api/connectionScope.ts'
import type { PostHogClient } from '../api/createPostHogClient.ts'
import type { TaskRun } from '../api/postHogSchemas.ts'
import { readRunStream } from '../api/readRunStream.ts'
import { isTerminalRunStatus } from '../api/runStatus.ts'
import { fetchSessionLogPage } from '../api/runSessionLogs.ts'
import { runStatusMaxAgeMs } from '../api/taskQueries.ts'
import type { ActivitySnapshot, ActivityStore } from './createActivityStore.ts'
import { createActivityStore } from './createActivityStore.ts'
import { whenVisible } from '../lib/whenVisible.ts'
import { yieldToMain } from '../lib/yieldToMain.ts'
import { followRunActivity } from './followRunActivity.ts'

// Statuses that say this PostHog serves no stream for the run: page the session log instead.
const NO_STREAM_STATUSES: ReadonlySet<number> = new Set([404, 405, 501])

function sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms)
        signal.addEventListener(
            'abort',
            () => {
                clearTimeout(timer)
                resolve()
            },
            { once: true }
        )
    })
}

/** Follows a run's activity while mounted (key the caller by run): history, then live; state events update the status. */
export function useRunActivity(
    client: PostHogClient | undefined,
    taskId: string,
    runId: string
): { snapshot: ActivitySnapshot; store: ActivityStore } {
    const queryClient = useQueryClient()
    const [store] = useState(createActivityStore)
    const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)

    useEffect(() => {
        if (!client) return
        const controller = new AbortController()
        const { signal } = controller
        const runKey = postHogKeys.run(client.scope, taskId, runId)
        const isTerminal = async () => {
            // A status the run's own (backing-off) poll keeps current is fresh enough: no extra read of the run.
            const cached = queryClient.getQueryState<TaskRun>(runKey)
            const now = Date.now()
            if (cached?.data && now - cached.dataUpdatedAt < runStatusMaxAgeMs(cached, now)) {
                return isTerminalRunStatus(cached.data.status)
            }
            const run = await client.getRun(taskId, runId, { signal })
            queryClient.setQueryData(runKey, run)
            return isTerminalRunStatus(run.status)
        }
        const onEntries = (values: readonly unknown[]) => {
            for (const event of store.append(values)) {
                if (event.kind !== 'run_state' || event.status === undefined) continue
                const { status, stage, errorMessage } = event
                queryClient.setQueryData<TaskRun>(runKey, (old) =>
                    old === undefined
                        ? old
                        : {
                              ...old,
                              status,
                              stage: stage ?? old.stage,
                              error_message: errorMessage ?? old.error_message,
                          }
                )
            }
        }
        followRunActivity({
            signal,
            loadPage: (offset) => fetchSessionLogPage(client, taskId, runId, offset, signal),
            readStream: (stream) => readRunStream(client, taskId, runId, { signal, ...stream }),
            isTerminal,
            isStreamMissing: (error) => error instanceof ApiError && NO_STREAM_STATUSES.has(error.status),
            onEntries,
            onState: (state) => {
                store.setState(state)
            },
            sleep,
            pause: yieldToMain,
            whenVisible,
        }).catch((error: unknown) => {
            if (signal.aborted) return
            const message = error instanceof Error ? error.message : 'Following the run stopped.'
            store.setState('ended', message)
        })
        return () => {
            controller.abort()
        }
    }, [client, taskId, runId, store, queryClient])

    return { snapshot, store }
}
