import { memo, type ReactNode } from 'react'

import type { ApiError } from '../api/ApiError.ts'
import { Banner } from '../ui/Banner.tsx'
import { SubmitProblem } from './SubmitProblem.tsx'
import type { SubmitBlocker } from './useRunSubmission.ts'

interface SubmitNoticeProps {
    blocker: SubmitBlocker | undefined
    error: ApiError | undefined
    onRetry: () => void
}

/**
 * Why the last submit did not start a run, said above the submit button.
 * Memoised: the launcher re-renders whenever one of PostHog's answers lands; this notice need not.
 */
export const SubmitNotice = memo(function SubmitNotice({ blocker, error, onRetry }: SubmitNoticeProps): ReactNode {
    return (
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
            {error ? <SubmitProblem error={error} onRetry={onRetry} /> : null}
        </>
    )
})
