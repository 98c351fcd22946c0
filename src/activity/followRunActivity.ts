import type { SessionLogPage } from '../api/runSessionLogs.ts'
import type { StreamEnd } from '../api/readRunStream.ts'

/** Where following stands: reading the stored log, on the live stream, waiting to reconnect, paging the log, done. */
export type FollowState = 'history' | 'live' | 'reconnecting' | 'polling' | 'ended'

export interface FollowDeps {
    signal: AbortSignal
    loadPage: (offset: number) => Promise<SessionLogPage>
    /** Opens the live stream and reads it until it ends; rejects when it cannot be opened. */
    readStream: (onData: (value: unknown) => void) => Promise<StreamEnd>
    /** Asks PostHog for the run again: is it completed, failed or cancelled? */
    isTerminal: () => Promise<boolean>
    /** True when an error from opening the stream means this PostHog has no stream for the run (page the log instead). */
    isStreamMissing: (error: unknown) => boolean
    onEntries: (values: readonly unknown[]) => void
    onState: (state: FollowState) => void
    sleep: (ms: number, signal: AbortSignal) => Promise<void>
}

/** PostHog's own web client waits 2, 4, 8, 16 and 30 seconds before giving up on the stream. */
export const RECONNECT_DELAYS_MS: readonly number[] = [2000, 4000, 8000, 16000, 30000]
export const LOG_POLL_INTERVAL_MS = 3000

/** History first (every page of the session log), then the live stream, reconnecting and falling back to paging. */
export async function followRunActivity(deps: FollowDeps): Promise<void> {
    const { signal } = deps
    // A function, so each check reads the signal afresh.
    const stopped = () => signal.aborted
    let offset = 0

    const loadRest = async () => {
        for (;;) {
            const page = await deps.loadPage(offset)
            if (stopped()) return
            offset += page.entries.length
            if (page.entries.length > 0) deps.onEntries(page.entries)
            // Without a readable X-Has-More, an empty page is the only sure end (a page is cut at about 2 MiB).
            if (page.hasMore === false || page.entries.length === 0) return
        }
    }

    const pollLog = async () => {
        deps.onState('polling')
        while (!stopped()) {
            await loadRest()
            if (await deps.isTerminal()) {
                await loadRest()
                return
            }
            await deps.sleep(LOG_POLL_INTERVAL_MS, signal)
        }
    }

    deps.onState('history')
    await loadRest()
    if (stopped()) return
    if (await deps.isTerminal()) {
        deps.onState('ended')
        return
    }
    let failures = 0
    while (!stopped()) {
        deps.onState(failures === 0 ? 'live' : 'reconnecting')
        let end: StreamEnd
        try {
            end = await deps.readStream((value) => {
                deps.onEntries([value])
            })
        } catch (error) {
            if (stopped()) return
            if (deps.isStreamMissing(error)) {
                await pollLog()
                break
            }
            end = { kind: 'closed' }
        }
        if (stopped()) return
        if (end.kind === 'rotated') {
            // Not the end of the run: PostHog caps one connection at 15 minutes.
            failures = 0
            continue
        }
        if (end.kind === 'complete' || (await deps.isTerminal())) {
            await loadRest()
            break
        }
        failures++
        const delay = RECONNECT_DELAYS_MS[failures - 1]
        if (delay === undefined) {
            await pollLog()
            break
        }
        deps.onState('reconnecting')
        await deps.sleep(delay, signal)
    }
    if (!stopped()) deps.onState('ended')
}
