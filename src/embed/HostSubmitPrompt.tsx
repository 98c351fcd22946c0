import { useId, type ReactNode } from 'react'

interface HostSubmitPromptProps {
    /** The host page's origin, in full: the user decides whether that site may start this run. */
    origin: string
    onStart: () => void
    onDismiss: () => void
}

/** A host page's submit in browser-key mode: the run uses the user's own key, so the user's own click starts it. */
export function HostSubmitPrompt({ origin, onStart, onDismiss }: HostSubmitPromptProps): ReactNode {
    const id = useId()
    return (
        <div className="banner info" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`}>
            <p id={`${id}-title`} className="banner-title" role="status">
                {origin} asks to start this run
            </p>
            <p id={`${id}-help`}>
                The run uses your PostHog key. Check the values above, then start it yourself or dismiss the request.
            </p>
            <div className="submit-bar">
                <button type="button" className="button primary" onClick={onStart}>
                    Start run
                </button>
                <button type="button" className="button secondary" onClick={onDismiss}>
                    Dismiss
                </button>
            </div>
        </div>
    )
}
