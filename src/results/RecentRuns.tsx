import { memo, useId, type ReactNode } from 'react'

import type { RecentRun } from './runHistory.ts'

interface RecentRunsProps {
    runs: readonly RecentRun[]
    onOpen: (run: RecentRun) => void
}

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/**
 * Runs this browser started recently, to reopen their result; nothing secret is kept.
 * Memoised: the launcher re-renders whenever one of PostHog's answers lands; this list need not.
 */
export const RecentRuns = memo(function RecentRuns({ runs, onOpen }: RecentRunsProps): ReactNode {
    const id = useId()
    if (runs.length === 0) return null
    return (
        <section className="panel" aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>Recent runs</h2>
            <ul className="recent-runs">
                {runs.map((run) => (
                    <li key={run.runId}>
                        <button
                            type="button"
                            className="link-button"
                            onClick={() => {
                                onOpen(run)
                            }}
                        >
                            {run.taskTitle ?? run.taskId}
                        </button>
                        <span className="field-help">
                            {' '}
                            {TIME_FORMAT.format(run.startedAt)}
                            {run.model ? ` · ${run.model}` : ''}
                            {run.branch ? ` · ${run.branch}` : ''}
                        </span>
                    </li>
                ))}
            </ul>
        </section>
    )
})
