import { useMutation } from '@tanstack/react-query'
import { useId, useState, type ReactNode } from 'react'

import { cancelRunMutationOptions, isRetryableCancelError, MAX_CANCEL_REASON } from '../api/cancelRunMutationOptions.ts'
import type { PostHogClient } from '../api/createPostHogClient.ts'

interface CancelRunControlProps {
    client: PostHogClient
    taskId: string
    runId: string
    /** Queued or running: the button is offered. The outcome stays shown either way. */
    cancellable: boolean
}

/** Cancel with a confirmation and an optional reason; says what PostHog answered. */
export function CancelRunControl({ client, taskId, runId, cancellable }: CancelRunControlProps): ReactNode {
    const id = useId()
    const [confirming, setConfirming] = useState(false)
    const [reason, setReason] = useState('')
    const cancel = useMutation(cancelRunMutationOptions(client))
    const submit = () => {
        cancel.mutate(
            { taskId, runId, reason },
            {
                onSettled: () => {
                    setConfirming(false)
                },
            }
        )
    }
    return (
        <div className="cancel-run">
            {cancel.isSuccess ? (
                <p className="banner success" role="status">
                    {cancel.data.outcome === 'accepted'
                        ? 'Cancelled: PostHog is stopping the run.'
                        : 'The run had already finished; nothing was cancelled.'}
                </p>
            ) : null}
            {cancel.isError ? (
                <div className="banner warning" role="alert">
                    <p>
                        {isRetryableCancelError(cancel.error)
                            ? 'PostHog could not reach the run’s workflow, so the run was not cancelled. Try again.'
                            : `The run was not cancelled: ${cancel.error.message}`}
                    </p>
                    {isRetryableCancelError(cancel.error) ? (
                        <button type="button" className="button secondary" onClick={submit}>
                            Try cancelling again
                        </button>
                    ) : null}
                </div>
            ) : null}
            {confirming ? (
                <div className="cancel-confirm" role="group" aria-labelledby={`${id}-question`}>
                    <p id={`${id}-question`}>Cancel this run? The agent stops and its sandbox is torn down.</p>
                    <label htmlFor={`${id}-reason`}>Reason (optional)</label>
                    <input
                        id={`${id}-reason`}
                        type="text"
                        maxLength={MAX_CANCEL_REASON}
                        value={reason}
                        onChange={(event) => {
                            setReason(event.target.value)
                        }}
                    />
                    <div className="submit-bar">
                        <button type="button" className="button danger" onClick={submit} disabled={cancel.isPending}>
                            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel the run'}
                        </button>
                        <button
                            type="button"
                            className="button secondary"
                            onClick={() => {
                                setConfirming(false)
                            }}
                        >
                            Keep it running
                        </button>
                    </div>
                </div>
            ) : cancellable && !cancel.isSuccess ? (
                <button
                    type="button"
                    className="button secondary"
                    onClick={() => {
                        cancel.reset()
                        setConfirming(true)
                    }}
                >
                    Cancel run
                </button>
            ) : null}
        </div>
    )
}
