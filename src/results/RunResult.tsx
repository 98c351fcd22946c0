import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, type ReactNode } from 'react'

import { CancelRunControl } from '../activity/CancelRunControl.tsx'
import { RunActivity } from '../activity/RunActivity.tsx'
import type { PostHogClient } from '../api/createPostHogClient.ts'
import { buildRunLink } from '../api/postHogHosts.ts'
import type { TaskRun } from '../api/postHogSchemas.ts'
import { isTerminalRunStatus, readPullRequestUrl } from '../api/runStatus.ts'
import { postHogKeys } from '../api/connectionScope.ts'
import { runQueryOptions } from '../api/taskQueries.ts'
import { statusLabel } from './statusLabel.ts'

export interface RunReference {
    /** The API host the run was started through (an origin, or the proxy path). */
    host: string
    taskId: string
    runId: string
    taskTitle: string | undefined
    linkHost: string
    projectId: string
}

interface RunResultProps {
    run: RunReference
    /** Present when the run belongs to the current connection, so its status can be followed live. */
    client: PostHogClient | undefined
    onStartAnother: () => void
    onStatus?: ((run: TaskRun) => void) | undefined
    /** Fills the form to continue this ended run as a new one; absent: not offered. */
    onContinue?: ((run: RunReference) => void) | undefined
    /** What the deployment lets users do to a run (a server-held key's operator can switch these off). */
    allowCancel?: boolean | undefined
    allowMessages?: boolean | undefined
}

const ACTIVE_STATUSES: ReadonlySet<string> = new Set(['not_started', 'queued', 'in_progress'])

/** The run just started: its status, followed live until it ends, and the way into PostHog. */
export function RunResult({
    run,
    client,
    onStartAnother,
    onStatus,
    onContinue,
    allowCancel = true,
    allowMessages = true,
}: RunResultProps): ReactNode {
    const id = useId()
    const live = useQuery(runQueryOptions(client, run.taskId, run.runId))
    const data = live.data
    const link = buildRunLink(run.linkHost, run.projectId, run.taskId, run.runId)
    const pullRequest = data ? readPullRequestUrl(data) : undefined
    const terminal = isTerminalRunStatus(data?.status)
    const followed = client !== undefined
    const active = data?.status !== undefined && ACTIVE_STATUSES.has(data.status)
    // A run whose mode PostHog did not say may still take messages; PostHog refuses them if not.
    const interactive = data?.state?.mode === undefined || data.state.mode === 'interactive'
    const heading = useRef<HTMLHeadingElement>(null)

    // The panel appears far from the submit button: move focus (and the view) to it.
    useEffect(() => {
        heading.current?.focus()
    }, [run.runId])

    useEffect(() => {
        if (data) onStatus?.(data)
    }, [data, onStatus])

    // Once the run ends it can be resumed: refresh the task's runs so the resume picker offers it.
    const queryClient = useQueryClient()
    useEffect(() => {
        if (client && terminal) {
            void queryClient.invalidateQueries({ queryKey: postHogKeys.runs(client.scope, run.taskId), exact: true })
        }
    }, [client, terminal, queryClient, run.taskId])

    return (
        <section className="panel result" aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
                Run started
            </h2>
            <dl className="result-grid">
                <dt>Task</dt>
                <dd>{run.taskTitle ?? run.taskId}</dd>
                <dt>Run ID</dt>
                <dd className="mono">{run.runId}</dd>
                <dt>Status</dt>
                <dd>
                    <span role="status" aria-live="polite" className={`run-status status-${data?.status ?? 'unknown'}`}>
                        {data || followed ? statusLabel(data?.status) : 'Not followed'}
                    </span>
                    {followed && !terminal && !live.isError ? (
                        <span className="field-help"> · updates every few seconds</span>
                    ) : null}
                    {followed ? null : (
                        <span className="field-help">
                            {' '}
                            · connect to project {run.projectId} on {run.linkHost} to follow it here, or open it in
                            PostHog
                        </span>
                    )}
                </dd>
                {data?.stage ? (
                    <>
                        <dt>Stage</dt>
                        <dd>{data.stage}</dd>
                    </>
                ) : null}
                {data?.branch ? (
                    <>
                        <dt>Branch</dt>
                        <dd className="mono">{data.branch}</dd>
                    </>
                ) : null}
                {data?.model ? (
                    <>
                        <dt>Model</dt>
                        <dd className="mono">
                            {data.model}
                            {data.reasoning_effort ? ` · ${data.reasoning_effort} effort` : ''}
                        </dd>
                    </>
                ) : null}
            </dl>
            {data?.status === 'failed' && data.error_message ? (
                <p className="banner error">The run failed: {data.error_message}</p>
            ) : null}
            {live.isError ? (
                <p className="banner warning" role="alert">
                    Could not follow the status: {live.error.message}
                </p>
            ) : null}
            {client ? (
                <RunActivity
                    key={`activity ${run.host} ${run.runId}`}
                    client={client}
                    taskId={run.taskId}
                    runId={run.runId}
                    canMessage={allowMessages && interactive && data?.status === 'in_progress'}
                />
            ) : null}
            {client && allowCancel ? (
                <CancelRunControl
                    key={`cancel ${run.host} ${run.runId}`}
                    client={client}
                    taskId={run.taskId}
                    runId={run.runId}
                    cancellable={active}
                />
            ) : null}
            <div className="submit-bar">
                {terminal && onContinue ? (
                    <button
                        type="button"
                        className="button secondary"
                        onClick={() => {
                            onContinue(run)
                        }}
                    >
                        Continue this run
                    </button>
                ) : null}
                <a className="button primary" href={link} target="_blank" rel="noreferrer noopener">
                    Open in PostHog
                </a>
                {pullRequest ? (
                    <a className="button secondary" href={pullRequest} target="_blank" rel="noreferrer noopener">
                        Open pull request
                    </a>
                ) : null}
                <button type="button" className="button secondary" onClick={onStartAnother}>
                    Start another run
                </button>
            </div>
        </section>
    )
}
