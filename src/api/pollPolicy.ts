import type { ApiError } from './ApiError.ts'

/** How often a followed run is asked for its status. */
export interface PollPolicy {
    /** The interval while the run is fresh or has just changed. */
    baseMs: number
    /** The interval grows by this factor for every `stepMs` the run has gone unchanged… */
    factor: number
    stepMs: number
    /** …up to this. */
    maxMs: number
    /** After a rate-limit answer that names no wait (no Retry-After, no "available in N seconds"). */
    rateLimitedMs: number
}

export const RUN_POLL_POLICY: PollPolicy = {
    baseMs: 3000,
    factor: 2,
    stepMs: 60_000,
    maxMs: 30_000,
    rateLimitedMs: 60_000,
}

export interface PollState {
    /** Epoch ms of now, from the caller's clock. */
    now: number
    /** Epoch ms of the run's last change (its updated_at), when known. */
    changedAt: number | undefined
    /** The run completed, failed or was cancelled. */
    ended: boolean
    /** The last poll's failure, if it failed. */
    error: ApiError | null
}

// Errors that asking again cannot fix.
const PERMANENT: ReadonlySet<ApiError['kind']> = new Set(['unauthenticated', 'forbidden', 'not_found', 'not_posthog'])

/** The interval for a run unchanged since `changedAt`: base, doubling each step, capped. */
function backedOff(state: PollState, policy: PollPolicy): number {
    const unchangedMs = state.changedAt === undefined ? 0 : Math.max(0, state.now - state.changedAt)
    const steps = Math.floor(unchangedMs / policy.stepMs)
    return Math.min(policy.maxMs, policy.baseMs * policy.factor ** steps)
}

/**
 * Milliseconds until the next poll, or false to stop: stops when the run ended or polling cannot succeed; backs off
 * while the run stays unchanged and after a failure; waits at least as long as a rate limit asks.
 */
export function nextPollDelay(state: PollState, policy: PollPolicy = RUN_POLL_POLICY): number | false {
    const { error } = state
    if (state.ended || (error && PERMANENT.has(error.kind))) return false
    const regular = backedOff(state, policy)
    if (error?.info.kind === 'rate_limited') {
        const asked = error.info.retryAfterSeconds
        return Math.max(regular, asked === undefined ? policy.rateLimitedMs : asked * 1000)
    }
    // a blip (network, 5xx): one step slower than the run's own pace, so a struggling server gets air
    if (error) return Math.min(policy.maxMs, regular * policy.factor)
    return regular
}

/** Whether coming back to the tab should ask at once: not for an ended run, nor while a rate limit is running. */
export function shouldPollOnReturn(state: PollState, policy: PollPolicy = RUN_POLL_POLICY): boolean {
    if (nextPollDelay(state, policy) === false) return false
    return state.error?.info.kind !== 'rate_limited'
}
