import type { ReactNode } from 'react'

import type { RunTarget } from '../schema/buildCurlCommand.ts'

interface LauncherPlaceholderProps {
    /** Absent while an embed waits for its launcher: a host page, not a person, drives it. */
    onConnect: (() => void) | undefined
    /** Fetches the launcher's code ahead of the click. */
    onPrefetch: () => void
    target: RunTarget
}

/** Where the connection panel will be: on a first visit, a button to ask for it, shown at the first paint. */
export function LauncherPlaceholder({ onConnect, onPrefetch, target }: LauncherPlaceholderProps): ReactNode {
    const where = [target.projectId && `in project ${target.projectId}`, target.host && `on ${target.host}`]
    const fromLink = target.host !== '' || target.projectId !== '' || target.taskId !== ''
    const invitation = fromLink
        ? `This link starts a run ${where.filter(Boolean).join(' ')}`.trimEnd() +
          '. Connect with your personal API key to start it. You can fill the form first.'
        : 'Connect to your PostHog project to pick a task and start runs. You can fill the form first.'
    return (
        <section className="panel launcher-placeholder" aria-labelledby="connect-title">
            <h2 id="connect-title">PostHog connection</h2>
            {onConnect ? (
                <>
                    <p className="field-help">{invitation}</p>
                    <button
                        type="button"
                        className="button primary"
                        onClick={onConnect}
                        // Fetch the code while the pointer is on its way, so the panel opens at once.
                        onPointerEnter={onPrefetch}
                        onFocus={onPrefetch}
                    >
                        Connect to PostHog
                    </button>
                </>
            ) : (
                <p className="field-help">Getting ready…</p>
            )}
        </section>
    )
}
