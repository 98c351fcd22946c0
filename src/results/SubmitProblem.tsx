import type { ReactNode } from 'react'

import type { ApiError } from '../api/ApiError.ts'
import { Banner } from '../ui/Banner.tsx'

const TITLES: Readonly<Record<ApiError['kind'], string>> = {
    network: 'Could not reach PostHog',
    not_posthog: 'That address is not PostHog',
    unauthenticated: 'PostHog did not accept the key',
    forbidden: 'PostHog refused the run',
    not_found: 'Task not found',
    validation: 'PostHog rejected the run',
    rate_limited: 'Limit reached',
    warming_up: 'The sandbox is warming up',
    server: 'PostHog had a problem',
    unexpected: 'Unexpected answer from PostHog',
}

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

interface SubmitProblemProps {
    error: ApiError
    onRetry: () => void
}

/** A run that did not start: what happened, what to do, and the one retry PostHog asks for. */
export function SubmitProblem({ error, onRetry }: SubmitProblemProps): ReactNode {
    const { info } = error
    return (
        <Banner tone={info.kind === 'warming_up' ? 'warning' : 'error'} title={TITLES[info.kind]}>
            <p>{error.message}</p>
            {info.kind === 'rate_limited' && info.resetAt ? (
                <p>
                    Resets at <time dateTime={info.resetAt.toISOString()}>{TIME_FORMAT.format(info.resetAt)}</time>.
                </p>
            ) : null}
            {info.kind === 'validation' && info.missingArtifactIds.length > 0 ? (
                <ul className="problem-list">
                    {info.missingArtifactIds.map((artifactId) => (
                        <li key={artifactId} className="mono">
                            {artifactId}
                        </li>
                    ))}
                </ul>
            ) : null}
            <p className="field-help">Everything you entered is still here.</p>
            {info.kind === 'warming_up' ? (
                <button type="button" className="button primary small" onClick={onRetry}>
                    Try again
                </button>
            ) : null}
        </Banner>
    )
}
