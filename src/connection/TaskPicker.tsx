import { useInfiniteQuery } from '@tanstack/react-query'
import { memo, useDeferredValue, useId, useMemo, useState, type ReactNode } from 'react'

import type { PostHogClient } from '../api/createPostHogClient.ts'
import type { Task } from '../api/postHogSchemas.ts'
import { tasksQueryOptions } from '../api/taskQueries.ts'

interface TaskPickerProps {
    client: PostHogClient | undefined
    taskId: string
    onTaskChange: (taskId: string, task: Task | undefined) => void
}

function taskLabel(task: Task): string {
    const number = task.task_number === undefined ? '' : `#${task.task_number} `
    return `${number}${task.title ?? 'Untitled task'}`
}

function TaskList({ client, taskId, onTaskChange }: TaskPickerProps & { client: PostHogClient }): ReactNode {
    const id = useId()
    const [search, setSearch] = useState('')
    const deferredSearch = useDeferredValue(search)
    const tasks = useInfiniteQuery(tasksQueryOptions(client, deferredSearch))
    const pages = tasks.data?.pages
    // The list arrives while the user may be typing in the form: render it in the background, keys first.
    const loaded = useMemo(() => pages?.flatMap((page) => page.results) ?? [], [pages])
    const rows = useDeferredValue(loaded)
    return (
        <>
            <div className="field">
                <label className="field-label" htmlFor={`${id}-search`}>
                    Search tasks
                </label>
                <input
                    id={`${id}-search`}
                    className="input"
                    type="search"
                    value={search}
                    placeholder="Title, description or task number"
                    onChange={(event) => {
                        setSearch(event.target.value)
                    }}
                />
            </div>
            {tasks.isPending ? <p role="status">Loading tasks…</p> : null}
            {tasks.isError ? (
                <div role="alert" className="banner error">
                    <p className="banner-title">Could not load tasks</p>
                    <p>{tasks.error.message}</p>
                    <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                            void tasks.refetch()
                        }}
                    >
                        Try again
                    </button>
                </div>
            ) : null}
            {tasks.isSuccess && loaded.length === 0 ? (
                <p role="status">
                    {deferredSearch.trim()
                        ? `No tasks match “${deferredSearch.trim()}”.`
                        : 'This project has no tasks yet.'}{' '}
                    Create one in PostHog, or paste a task ID below.
                </p>
            ) : null}
            {rows.length > 0 ? (
                <fieldset className="task-list">
                    <legend className="visually-hidden">Tasks</legend>
                    {rows.map((task) => (
                        <label key={task.id} className="task-option">
                            <input
                                type="radio"
                                name={`${id}-task`}
                                value={task.id}
                                checked={task.id === taskId}
                                onChange={() => {
                                    onTaskChange(task.id, task)
                                }}
                            />
                            <span className="task-title">{taskLabel(task)}</span>
                            {task.repository ? <span className="task-detail">{task.repository}</span> : null}
                            {typeof task.latest_run === 'object' && task.latest_run.status ? (
                                <span className="task-detail">last run {task.latest_run.status.replace('_', ' ')}</span>
                            ) : null}
                        </label>
                    ))}
                </fieldset>
            ) : null}
            {tasks.hasNextPage ? (
                <button
                    type="button"
                    className="button secondary"
                    disabled={tasks.isFetchingNextPage}
                    onClick={() => {
                        void tasks.fetchNextPage()
                    }}
                >
                    {tasks.isFetchingNextPage ? 'Loading more…' : 'Show more tasks'}
                </button>
            ) : null}
        </>
    )
}

/**
 * Choose the task to run: from the project's list when connected, or by pasting its id.
 * Memoised: the launcher re-renders whenever one of PostHog's answers lands; the task list need not.
 */
export const TaskPicker = memo(function TaskPicker({ client, taskId, onTaskChange }: TaskPickerProps): ReactNode {
    const id = useId()
    return (
        <section className="panel" aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>Task</h2>
            {client ? (
                <TaskList client={client} taskId={taskId} onTaskChange={onTaskChange} />
            ) : (
                <p className="field-help">Connect to PostHog to pick from your tasks, or paste a task ID.</p>
            )}
            <div className="field">
                <label className="field-label" htmlFor={`${id}-manual`}>
                    Task ID
                </label>
                <input
                    id={`${id}-manual`}
                    className="input mono"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
                    value={taskId}
                    onChange={(event) => {
                        onTaskChange(event.target.value.trim(), undefined)
                    }}
                />
            </div>
        </section>
    )
})
