import { useDeferredValue, useEffect, useId, useRef, type ReactNode } from 'react'

import type { PostHogClient } from '../api/createPostHogClient.ts'
import { useOnScreen } from '../lib/useOnScreen.ts'
import './activity.css'
import { ActivityList } from './ActivityList.tsx'
import { FOLLOW_STATE_LABELS } from './activityLabels.ts'
import { RunMessageBox } from './RunMessageBox.tsx'
import { useRunActivity } from './useRunActivity.ts'

interface RunActivityProps {
    client: PostHogClient
    taskId: string
    runId: string
    /** Interactive and not ended: the run takes messages. */
    canMessage: boolean
}

// The activity starts showing new entries a little before it scrolls into view.
const ON_SCREEN_MARGIN = '200px'

/** What the agent is doing, as it happens; mount it keyed by run. */
export function RunActivity({ client, taskId, runId, canMessage }: RunActivityProps): ReactNode {
    const id = useId()
    const { snapshot, store } = useRunActivity(client, taskId, runId)
    // Off screen (above the form while the next message is typed) new entries wait until the panel is seen again:
    // rendering them would cost every keystroke that lands beside them, for nobody to see.
    const section = useRef<HTMLElement>(null)
    const onScreen = useOnScreen(section, ON_SCREEN_MARGIN)
    useEffect(() => {
        store.hold(!onScreen)
    }, [store, onScreen])
    // The list re-renders at low priority: a keystroke in the form interrupts it.
    const items = useDeferredValue(snapshot.items)
    return (
        <section ref={section} className="activity" aria-labelledby={`${id}-title`}>
            <div className="activity-header">
                <h3 id={`${id}-title`}>Activity</h3>
                <span className={`field-help activity-state state-${snapshot.state}`}>
                    {FOLLOW_STATE_LABELS[snapshot.state]}
                    {snapshot.items.length > 0 ? ` · ${snapshot.items.length} items` : ''}
                </span>
            </div>
            {snapshot.problem ? (
                <p className="banner warning" role="alert">
                    Could not follow the activity: {snapshot.problem}
                </p>
            ) : null}
            <ActivityList items={items} label="Run activity" />
            {canMessage ? (
                <RunMessageBox
                    client={client}
                    taskId={taskId}
                    runId={runId}
                    onSent={(text) => {
                        store.addSentMessage(text)
                    }}
                />
            ) : null}
        </section>
    )
}
