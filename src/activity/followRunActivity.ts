import type { SessionLogPage } from '../api/runSessionLogs.ts'
import type { StreamEnd } from '../api/readRunStream.ts'

/** Where following stands: reading the stored log, on the live stream, waiting to reconnect, paging the log, done. */
export type FollowState = 'history' | 'live' | 'reconnecting' | 'polling' | 'ended'

export interface StreamRequest {
    /** Skip the backlog: set for the first connection and after a rotation; the session log fills the gap. */
    fromLatest: boolean
    onOpen: () => void
    onValues: (values: readonly unknown[]) => void
    /** True for event data an earlier connection delivered: a reconnect's replay is dropped before parsing. */
    isReplay: (data: string) => boolean
}

export interface FollowDeps {
    signal: AbortSignal
    loadPage: (offset: number) => Promise<SessionLogPage>
    /** Opens the live stream and reads it until it ends; rejects when it cannot be opened. */
    readStream: (stream: StreamRequest) => Promise<StreamEnd>
    /** Asks PostHog for the run again: is it completed, failed or cancelled? */
    isTerminal: () => Promise<boolean>
    /** True when an error from opening the stream means this PostHog has no stream for the run (page the log instead). */
    isStreamMissing: (error: unknown) => boolean
    onEntries: (values: readonly unknown[]) => void
    onState: (state: FollowState) => void
    sleep: (ms: number, signal: AbortSignal) => Promise<void>
    /** Lets the page handle input between slices of a long page of the log. */
    pause: () => Promise<void>
    /** Resolves once the tab is visible: paging the log waits while nobody can see it. */
    whenVisible: (signal: AbortSignal) => Promise<void>
}

/** PostHog's own web client waits 2, 4, 8, 16 and 30 seconds before giving up on the stream. */
export const RECONNECT_DELAYS_MS: readonly number[] = [2000, 4000, 8000, 16000, 30000]
export const LOG_POLL_INTERVAL_MS = 3000
// A page of the log holds up to 5,000 entries: handed on in slices, with a pause between them.
export const DELIVERY_SLICE = 250

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
            for (let at = 0; at < page.entries.length; at += DELIVERY_SLICE) {
                if (at > 0) await deps.pause()
                if (stopped()) return
                deps.onEntries(page.entries.slice(at, at + DELIVERY_SLICE))
            }
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
            await deps.whenVisible(signal)
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
    // The first connection and a reconnect after a rotation skip the backlog and read the log for the gap (PostHog's
    // web client replays after a rotation: 15 minutes of a long run parsed again). After a drop the stream replays
    // its backlog, as that client's does, and the caller drops what it has already seen.
    let fromLatest = true
    const streamed = new Set<string>()
    const isReplay = (data: string) => {
        if (streamed.has(data)) return true
        streamed.add(data)
        return false
    }
    while (!stopped()) {
        deps.onState(failures === 0 ? 'live' : 'reconnecting')
        let end: StreamEnd
        // What was logged between reading the log and the stream opening: read from the log, beside the stream.
        let gap: Promise<void> = Promise.resolve()
        try {
            end = await deps.readStream({
                fromLatest,
                onOpen: () => {
                    if (fromLatest) gap = loadRest().catch(() => undefined)
                },
                onValues: deps.onEntries,
                isReplay,
            })
        } catch (error) {
            if (stopped()) return
            if (deps.isStreamMissing(error)) {
                await pollLog()
                break
            }
            end = { kind: 'closed' }
        }
        await gap
        // Not the end of the run: PostHog caps one connection at 15 minutes, and the stream was read to its end.
        fromLatest = end.kind === 'rotated'
        if (stopped()) return
        if (end.kind === 'rotated') {
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
