// Pure: what the connected scenario reads from CDP's network events (round trips, counts, bytes, duplicates).

export interface TimedRequest {
    method: string
    url: string
    /** A CORS preflight Chromium sent on its own (CDP type "Preflight"). */
    preflight: boolean
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

/** The requests that started and finished inside [from, to] (seconds), each once. */
export function requestsWithin(requests: readonly TimedRequest[], from: number, to: number): TimedRequest[] {
    return requests.filter((request) => request.start >= from && request.end <= to)
}

/**
 * Round trips on the critical path: a request that started only after another had finished waited for it, so it
 * counts one more than the longest chain before it; requests in flight together share a round trip.
 */
export function countRoundTrips(requests: readonly TimedRequest[]): number {
    const sorted = [...requests].sort((a, b) => a.start - b.start)
    const depths: number[] = []
    let longest = 0
    for (const [index, request] of sorted.entries()) {
        let before = 0
        for (let earlier = 0; earlier < index; earlier += 1) {
            const candidate = sorted[earlier]
            if (candidate !== undefined && candidate.end <= request.start)
                before = Math.max(before, depths[earlier] ?? 0)
        }
        depths.push(before + 1)
        longest = Math.max(longest, before + 1)
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
