import type { QueryClient } from '@tanstack/react-query'

/** Identifies a connection in query keys: host and project, never the key (remove the scope when the key changes). */
export type ConnectionScope = readonly ['posthog', string, string]

/** The scope of "not connected yet": queries under it never run (their queryFn is skipToken). */
export function scopeOf(client: { scope: ConnectionScope } | undefined): ConnectionScope {
    return client?.scope ?? connectionScope('', '')
}

export function connectionScope(host: string, projectId: string): ConnectionScope {
    return ['posthog', host, projectId]
}

/** Every query key this app uses for PostHog, nested so a prefix invalidates everything below it. */
export const postHogKeys = {
    all: ['posthog'] as const,
    connection: (scope: ConnectionScope) => [...scope, 'connection'] as const,
    taskLists: (scope: ConnectionScope) => [...scope, 'tasks', 'list'] as const,
    taskList: (scope: ConnectionScope, search: string) => [...scope, 'tasks', 'list', { search }] as const,
    task: (scope: ConnectionScope, taskId: string) => [...scope, 'tasks', 'detail', taskId] as const,
    runs: (scope: ConnectionScope, taskId: string) => [...scope, 'tasks', 'detail', taskId, 'runs'] as const,
    run: (scope: ConnectionScope, taskId: string, runId: string) =>
        [...scope, 'tasks', 'detail', taskId, 'runs', runId] as const,
    sandboxEnvironments: (scope: ConnectionScope) => [...scope, 'sandboxEnvironments'] as const,
    signalReports: (scope: ConnectionScope) => [...scope, 'signalReports'] as const,
    models: (scope: ConnectionScope) => [...scope, 'models'] as const,
    runDefaults: (scope: ConnectionScope) => [...scope, 'runDefaults'] as const,
    runTask: (scope: ConnectionScope) => [...scope, 'runTask'] as const,
    // The document is public and per host, not per project.
    schemaDocument: (host: string) => ['posthog', host, 'schemaDocument'] as const,
}

/** When the key changes: drop everything the old key read, including answers still on their way. */
export async function forgetConnection(queryClient: QueryClient, scope: ConnectionScope): Promise<void> {
    await queryClient.cancelQueries({ queryKey: scope })
    queryClient.removeQueries({ queryKey: scope })
}
