import type { DecodedPrefill } from '../links/prefillCodec.ts'

export interface LauncherLoadContext {
    embedded: boolean
    serverHeldKey: boolean
    prefill: DecodedPrefill
    /** This browser kept launcher state before: a key, settings, drafts or recent runs. */
    returning: boolean
}

/**
 * Whether the launcher (connection, pickers, drafts, embedding) should load without being asked. A first visit, even
 * from a link, has nothing to connect with yet: the launcher loads when the user asks to connect or to start the run.
 */
export function launcherLoadsAtOnce({ embedded, serverHeldKey, prefill, returning }: LauncherLoadContext): boolean {
    // A host page drives an embed; a server-held key connects by itself; a returning user may have a key and drafts.
    if (embedded || serverHeldKey || returning) return true
    // What the link got wrong, or the secrets refused from it, must be said at once.
    return prefill.problems.length > 0 || prefill.hadSecrets
}
