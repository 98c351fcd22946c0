import { useState, type ReactNode } from 'react'

import type { PrefillProblem } from './prefillProblem.ts'
import { Banner } from '../ui/Banner.tsx'

interface PrefillNoticeProps {
    problems: readonly PrefillProblem[]
    hadSecrets: boolean
    source: 'link' | 'host page'
}

const SHOWN = 8

/** What a link (or host page) tried to set and could not; everything valid was applied. */
export function PrefillNotice({ problems, hadSecrets, source }: PrefillNoticeProps): ReactNode {
    const [dismissed, setDismissed] = useState(false)
    const [expanded, setExpanded] = useState(false)
    if (dismissed || problems.length === 0) return null
    const shown = expanded ? problems : problems.slice(0, SHOWN)
    return (
        <Banner tone="warning" title={`Some values from the ${source} were not used`}>
            {hadSecrets ? (
                <p>
                    The {source} carried a key or token. It was not used
                    {source === 'link' ? ' and was removed from the address bar' : ''}: enter secrets yourself, never
                    through a {source}.
                </p>
            ) : null}
            <ul className="problem-list">
                {shown.map((problem, index) => (
                    <li key={`${problem.name}-${index}`}>{problem.message}</li>
                ))}
            </ul>
            <p>The other values were applied.</p>
            <div className="submit-bar">
                {problems.length > SHOWN ? (
                    <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                            setExpanded(!expanded)
                        }}
                    >
                        {expanded ? 'Show fewer' : `Show all ${problems.length}`}
                    </button>
                ) : null}
                <button
                    type="button"
                    className="button secondary small"
                    onClick={() => {
                        setDismissed(true)
                    }}
                >
                    Dismiss
                </button>
            </div>
        </Banner>
    )
}
