import type { FollowState } from './followRunActivity.ts'
import type { ToolState } from './parseLogEntry.ts'

export const TOOL_STATE_LABELS: Readonly<Record<ToolState, string>> = {
    pending: 'Pending',
    running: 'Running',
    done: 'Done',
    failed: 'Failed',
}

export const FOLLOW_STATE_LABELS: Readonly<Record<FollowState, string>> = {
    history: 'Loading what happened so far…',
    live: 'Live',
    reconnecting: 'Reconnecting…',
    polling: 'Checking for new activity every few seconds',
    ended: 'Up to date',
}
