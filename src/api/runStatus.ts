import type { Task, TaskRun } from './postHogSchemas.ts'

export const TERMINAL_RUN_STATUSES: readonly string[] = ['completed', 'failed', 'cancelled']

export function isTerminalRunStatus(status: string | undefined): boolean {
    return status !== undefined && TERMINAL_RUN_STATUSES.includes(status)
}

/** The run a task response points at: latest_run is a run, or (in some versions) just its id. */
export function latestRunOf(task: Task): { runId: string | undefined; run: TaskRun | undefined } {
    const latest = task.latest_run
    if (latest === undefined) return { runId: undefined, run: undefined }
    if (typeof latest === 'string') return { runId: latest === '' ? undefined : latest, run: undefined }
    return { runId: latest.id, run: latest }
}

/** The pull request a finished run opened, when its output names one; only https links, never javascript: etc. */
export function readPullRequestUrl(run: TaskRun): string | undefined {
    const value = run.output?.['pr_url']
    if (typeof value !== 'string') return undefined
    try {
        return new URL(value).protocol === 'https:' ? value : undefined
    } catch {
        return undefined
    }
}
