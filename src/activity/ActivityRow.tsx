import { memo, type ReactNode } from 'react'

import { TOOL_STATE_LABELS } from './activityLabels.ts'
import type { ActivityItem } from './createActivityLog.ts'

interface ActivityRowProps {
    item: ActivityItem
    open: boolean
    onToggle: (key: string, open: boolean) => void
}

/** One item of the run's activity; every text is rendered as text, never as HTML. Memoised: a new entry re-renders no old row. */
export const ActivityRow = memo(function ActivityRow({ item, open, onToggle }: ActivityRowProps): ReactNode {
    const { event } = item
    switch (event.kind) {
        case 'agent_message':
            return (
                <div className="activity-item activity-agent">
                    <span className="activity-who">Agent</span>
                    <p className="activity-text">{event.text}</p>
                </div>
            )
        case 'user_message':
            return (
                <div className="activity-item activity-user">
                    <span className="activity-who">{item.pending ? 'You (sent)' : 'You'}</span>
                    <p className="activity-text">{event.text}</p>
                </div>
            )
        case 'thought':
            return (
                <div className="activity-item activity-muted">
                    <span className="activity-who">Thinking</span>
                    <p className="activity-text">{event.text}</p>
                </div>
            )
        case 'tool':
            return (
                <details
                    className="activity-item activity-tool"
                    open={open}
                    onToggle={(toggled) => {
                        onToggle(item.key, toggled.currentTarget.open)
                    }}
                >
                    <summary>
                        <span className={`tool-state tool-${event.state ?? 'pending'}`}>
                            {TOOL_STATE_LABELS[event.state ?? 'pending']}
                        </span>{' '}
                        <span className="activity-tool-title">{event.title ?? event.toolName ?? 'Tool call'}</span>
                        {event.toolName && event.title ? <span className="field-help"> · {event.toolName}</span> : null}
                    </summary>
                    {open ? (
                        <>
                            <p className="activity-label">Input</p>
                            <pre className="activity-pre">{event.input ?? '(none)'}</pre>
                            <p className="activity-label">Output</p>
                            <pre className="activity-pre">{event.output ?? '(none yet)'}</pre>
                        </>
                    ) : null}
                </details>
            )
        case 'console':
            return (
                <div className={`activity-item activity-console level-${event.level}`}>
                    <span className="activity-who">Console</span>
                    <code className="activity-text">{event.message}</code>
                </div>
            )
        case 'progress':
            return (
                <div className="activity-item activity-progress">
                    <span className="activity-who">{event.group ? `Progress · ${event.group}` : 'Progress'}</span>
                    <p className="activity-text">
                        {event.label}
                        {event.status ? ` · ${event.status}` : ''}
                        {event.detail ? ` · ${event.detail}` : ''}
                    </p>
                </div>
            )
        case 'error':
            return (
                <div className="activity-item activity-error">
                    <span className="activity-who">Error{event.category ? ` · ${event.category}` : ''}</span>
                    <p className="activity-text">{event.message}</p>
                </div>
            )
        case 'turn_end':
            return (
                <div className="activity-item activity-muted">
                    <p className="activity-text">Turn ended{event.stopReason ? ` (${event.stopReason})` : ''}</p>
                </div>
            )
        case 'run_state':
            return (
                <div className="activity-item activity-muted">
                    <p className="activity-text">
                        Run {event.status ?? 'updated'}
                        {event.stage ? ` · stage ${event.stage}` : ''}
                        {event.errorMessage ? ` · ${event.errorMessage}` : ''}
                    </p>
                </div>
            )
        case 'notice':
            return (
                <div className="activity-item activity-muted">
                    <p className="activity-text">{event.text}</p>
                </div>
            )
        case 'unknown':
        case 'malformed':
            return (
                <div className="activity-item activity-muted">
                    <span className="activity-who">
                        {event.kind === 'unknown' ? `Other event: ${event.type || '(no type)'}` : 'Unreadable entry'}
                    </span>
                    <code className="activity-text">{event.raw}</code>
                </div>
            )
    }
})
