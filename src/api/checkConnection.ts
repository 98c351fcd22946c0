import { ApiError } from './ApiError.ts'
import type { PostHogClient, RequestOptions } from './createPostHogClient.ts'
import type { CurrentUser } from './postHogSchemas.ts'

export interface ConnectionInfo {
    ok: true
    userName?: string
    email?: string
    projectName?: string
    /** Whether the key may start runs (task:write); 'unknown' when PostHog's answer did not tell. */
    canWrite: boolean | 'unknown'
}

// No task has this id, so the run endpoint answers 404 once the scope check passes, and nothing starts.
const NO_SUCH_TASK = '00000000-0000-0000-0000-000000000000'

function nameOf(user: CurrentUser): string | undefined {
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim()
    return name === '' ? undefined : name
}

async function probeWrite(client: PostHogClient, options: RequestOptions): Promise<boolean | 'unknown'> {
    try {
        await client.runTask(NO_SUCH_TASK, {}, options)
        return 'unknown'
    } catch (error) {
        if (!(error instanceof ApiError)) return 'unknown'
        if (error.info.kind === 'not_found') return true
        if (error.info.kind === 'forbidden' && error.info.reason === 'missing_scope') return false
        return 'unknown'
    }
}

function settled<T>(result: PromiseSettledResult<T>): T | undefined {
    return result.status === 'fulfilled' ? result.value : undefined
}

/**
 * Proves the key can read the project's tasks (or throws the ApiError that says why not), and meanwhile asks whose key
 * it is and the project's name where the key's scopes allow; those extras never fail the check. All four go out at
 * once: one round trip (and its preflights) instead of two. `readTasks` lets the caller read the page it will show.
 */
export async function checkConnection(
    client: PostHogClient,
    options: RequestOptions = {},
    readTasks: () => Promise<unknown> = () => client.listTasks({ limit: 1 }, options)
): Promise<ConnectionInfo> {
    const tasks = readTasks()
    const extras = Promise.allSettled([
        client.getCurrentUser(options),
        client.getProject(options),
        probeWrite(client, options),
    ])
    await tasks
    const [user, project, canWrite] = await extras
    const info: ConnectionInfo = { ok: true, canWrite: settled(canWrite) ?? 'unknown' }
    const me = settled(user)
    const userName = me ? nameOf(me) : undefined
    if (userName !== undefined) info.userName = userName
    if (me?.email !== undefined) info.email = me.email
    const projectName = settled(project)?.name
    if (projectName !== undefined && projectName !== '') info.projectName = projectName
    return info
}
