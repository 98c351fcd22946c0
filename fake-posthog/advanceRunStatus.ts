import type { FakeTask, FakeTaskRun } from './fakeEntities.ts'

const TERMINAL_STATUSES = new Set(['completed', 'failed', 'cancelled'])

// Each read of a new run moves it one step along its planned statuses.
export function advanceRunStatus(run: FakeTaskRun, task: FakeTask, now: Date): void {
    const status = run.upcomingStatuses.shift()
    if (status === undefined) {
        return
    }
    const timestamp = now.toISOString()
    run.status = status
    run.updated_at = timestamp
    if (!TERMINAL_STATUSES.has(status)) {
        return
    }
    run.completed_at = timestamp
    if (status === 'failed') {
        run.error_message = 'The agent exited with an error: the test suite did not pass after 3 attempts.'
    }
    if (status === 'completed' && task.repository !== null) {
        run.output = { pr_url: `https://github.com/${task.repository}/pull/${String(1000 + task.task_number)}` }
    }
}
