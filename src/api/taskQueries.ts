import { infiniteQueryOptions, queryOptions, skipToken } from '@tanstack/react-query'

import type { ApiError } from './ApiError.ts'
import { postHogKeys, scopeOf } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'
import type { TaskRun } from './postHogSchemas.ts'
import { nextPollDelay, RUN_POLL_POLICY, shouldPollOnReturn, type PollState } from './pollPolicy.ts'
import { isTerminalRunStatus } from './runStatus.ts'

export const TASK_PAGE_SIZE = 25
/** The first interval of a followed run (RUN_POLL_POLICY.baseMs). */
export const RUN_POLL_INTERVAL_MS = RUN_POLL_POLICY.baseMs
const RUNS_PAGE_SIZE = 100

/** Searchable task list, one page per offset; `search` is trimmed so " x" and "x" share a cache entry. */
export function tasksQueryOptions(client: PostHogClient, search: string) {
    const term = search.trim()
    return infiniteQueryOptions({
        queryKey: postHogKeys.taskList(client.scope, term),
        queryFn: ({ pageParam, signal }) =>
            client.listTasks({ search: term, limit: TASK_PAGE_SIZE, offset: pageParam }, { signal }),
        initialPageParam: 0,
        getNextPageParam: (last, _pages, lastOffset) => (last.hasMore ? lastOffset + last.results.length : undefined),
        retry: false,
        staleTime: 30_000,
    })
}

export function taskQueryOptions(client: PostHogClient, taskId: string) {
    return queryOptions({
        queryKey: postHogKeys.task(client.scope, taskId),
        queryFn: taskId === '' ? skipToken : ({ signal }) => client.getTask(taskId, { signal }),
        retry: false,
    })
}

function newestFirst(a: TaskRun, b: TaskRun): number {
    return (b.created_at ?? '').localeCompare(a.created_at ?? '')
}

/** The task's runs, newest first, for the resume picker. */
export function runsQueryOptions(client: PostHogClient | undefined, taskId: string) {
    return queryOptions({
        queryKey: postHogKeys.runs(scopeOf(client), taskId),
        queryFn:
            client === undefined || taskId === ''
                ? skipToken
                : async ({ signal }) => {
                      const page = await client.listRuns(taskId, { limit: RUNS_PAGE_SIZE }, { signal })
                      return [...page.results].sort(newestFirst)
                  },
        retry: false,
        // prefetched while the connection is checked: the picker that mounts after must not ask again
        staleTime: 30_000,
    })
}

function pollStateOf(query: { state: { data: TaskRun | undefined; error: ApiError | null } }): PollState {
    const { data, error } = query.state
    const changed = Date.parse(data?.updated_at ?? data?.created_at ?? '')
    return {
        now: Date.now(),
        changedAt: Number.isNaN(changed) ? undefined : changed,
        ended: isTerminalRunStatus(data?.status),
        error,
    }
}

/**
 * How old the cached run may be and still stand for its status: the followed run's next poll comes within this, so a
 * reader that trusts it (the activity follow loop) never adds reads of the run, even while polling backs off.
 */
export function runStatusMaxAgeMs(state: { data: TaskRun | undefined; error: ApiError | null }, now: number): number {
    const delay = nextPollDelay({ ...pollStateOf({ state }), now })
    if (delay === false) return isTerminalRunStatus(state.data?.status) ? Number.POSITIVE_INFINITY : 0
    return delay + RUN_POLL_INTERVAL_MS
}

/**
 * Follows the run until it completes, fails or is cancelled (pollPolicy.ts): every few seconds while it changes, less
 * often while it does not, never faster than a rate limit asks; not at all in a hidden tab, and at once on return.
 */
export function runQueryOptions(client: PostHogClient | undefined, taskId: string, runId: string) {
    // Without a client (a run from another connection) nothing is fetched; the key still names the run.
    return queryOptions({
        queryKey: postHogKeys.run(scopeOf(client), taskId, runId),
        queryFn:
            client === undefined || taskId === '' || runId === ''
                ? skipToken
                : ({ signal }) => client.getRun(taskId, runId, { signal }),
        retry: false,
        // the run the POST answered with is shown as it is; the first poll comes one interval later
        staleTime: RUN_POLL_INTERVAL_MS,
        refetchInterval: (query) => nextPollDelay(pollStateOf(query)),
        refetchIntervalInBackground: false,
        refetchOnWindowFocus: (query) => shouldPollOnReturn(pollStateOf(query)),
    })
}
