// Pure: what the connected scenario reads from CDP's network events (round trips, counts, bytes, duplicates).

export interface TimedRequest {
    method: string
    url: string
    /** A CORS preflight Chromium sent on its own (CDP type "Preflight"). */
    preflight: boolean
    /** Seconds on CDP's monotonic clock: when the page asked for it (fetch() called), before any preflight. */
    sent: number
    /** Seconds on CDP's monotonic clock: when the request went to the network (after any preflight). */
    start: number
    /** Seconds on the same clock: when its last byte arrived, or it failed. */
    end: number
    /** Bytes received over the network, headers included (CDP encodedDataLength). */
    bytes: number
}

export interface PhaseTraffic {
    requests: number
    preflights: number
    bytes: number
    /** The longest chain of requests that had to wait for one another, in round trips. */
    roundTrips: number
}

/** The requests asked for and finished inside [from, to] (seconds). */
export function requestsWithin(requests: readonly TimedRequest[], from: number, to: number): TimedRequest[] {
    return requests.filter((request) => request.sent >= from && request.end <= to)
}

/**
 * Round trips on the critical path, by what the page waited for: a request the page asked for only after another had
 * finished comes after it; one that needed a preflight of its own costs two. Requests asked for together share their
 * round trips even when the browser queued one behind another (HTTP/1.1 allows six connections; PostHog speaks
 * HTTP/2), and preflights count whether or not the emulated latency applied to them (Chromium delays them unevenly).
 */
export function countRoundTrips(requests: readonly TimedRequest[]): number {
    const preflights = requests.filter((request) => request.preflight)
    const asked = requests.filter((request) => !request.preflight).sort((a, b) => a.sent - b.sent)
    const depths: number[] = []
    let longest = 0
    for (const [index, request] of asked.entries()) {
        let before = 0
        for (let earlier = 0; earlier < index; earlier += 1) {
            const candidate = asked[earlier]
            if (candidate !== undefined && candidate.end <= request.sent)
                before = Math.max(before, depths[earlier] ?? 0)
        }
        const own = preflights.some(
            (preflight) =>
                preflight.url === request.url && preflight.start >= request.sent && preflight.end <= request.start
        )
        const depth = before + (own ? 2 : 1)
        depths.push(depth)
        longest = Math.max(longest, depth)
    }
    return longest
}

export function summarizeTraffic(requests: readonly TimedRequest[]): PhaseTraffic {
    return {
        requests: requests.length,
        preflights: requests.filter((request) => request.preflight).length,
        bytes: requests.reduce((sum, request) => sum + request.bytes, 0),
        roundTrips: countRoundTrips(requests),
    }
}

/** The same method and URL fetched more than once (preflights aside): what the app asked for twice. */
export function findDuplicates(requests: readonly TimedRequest[]): string[] {
    const seen = new Map<string, number>()
    for (const request of requests) {
        if (request.preflight) continue
        const key = `${request.method} ${request.url}`
        seen.set(key, (seen.get(key) ?? 0) + 1)
    }
    return [...seen].flatMap(([key, count]) => (count > 1 ? [`${key} ×${count}`] : []))
}

/** The biggest page a list request asked for (its limit), and list requests that skipped ahead (an offset). */
export function readPageRequests(paths: readonly string[]): { largestLimit: number; withOffset: string[] } {
    let largestLimit = 0
    const withOffset: string[] = []
    for (const path of paths) {
        const url = new URL(path, 'http://fake.invalid')
        const limit = Number(url.searchParams.get('limit') ?? Number.NaN)
        if (Number.isFinite(limit)) largestLimit = Math.max(largestLimit, limit)
        if (Number(url.searchParams.get('offset') ?? 0) > 0) withOffset.push(path)
    }
    return { largestLimit, withOffset }
}
