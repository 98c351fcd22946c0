import { US_CLOUD } from '../api/postHogHosts.ts'
import { draftKey } from './draftStore.ts'
import type { LinkTarget } from '../links/prefillCodec.ts'

/**
 * The draft key for a link's target before the launcher has loaded, as the launcher will compute it for a browser
 * with no saved connection: the link's host (US Cloud when it names none), project and task.
 */
export function linkDraftKey(connection: LinkTarget): string | null {
    const { host, projectId, taskId } = connection
    if (!projectId || !taskId) return null
    return draftKey(host ?? US_CLOUD, projectId, taskId)
}
