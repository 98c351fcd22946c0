import { describe, expect, it } from 'vitest'

import {
    countRoundTrips,
    findDuplicates,
    readPageRequests,
    requestsWithin,
    summarizeTraffic,
    type TimedRequest,
} from './networkTimeline.ts'

function request(start: number, end: number, overrides: Partial<TimedRequest> = {}): TimedRequest {
    const { method = 'GET', url = `https://ph.test/${start}-${end}`, preflight = false, sent = start } = overrides
    return { method, url, preflight, sent, start, end, bytes: overrides.bytes ?? 100 }
}

describe('countRoundTrips', () => {
    const url = 'https://ph.test/api/projects/1/tasks/'
    const other = 'https://ph.test/api/projects/1/tasks/models/'
    it.each([
        ['nothing', [], 0],
        ['one request', [request(0, 1)], 1],
        ['requests asked for together', [request(0, 1), request(0.01, 1.1), request(0.02, 0.9)], 1],
        [
            'a preflight, then its request',
            [request(0, 1, { url, preflight: true }), request(1, 2, { url, sent: 0 })],
            2,
        ],
        [
            'a check, then the pickers after it',
            [
                request(0, 1, { url, preflight: true }),
                request(1, 2, { url, sent: 0 }),
                request(2, 3, { url: other, preflight: true }),
                request(3, 4, { url: other, sent: 2 }),
            ],
            4,
        ],
        [
            'asked for together but queued behind a full connection pool',
            [request(0, 1, { url }), request(1, 2, { url: other, sent: 0 })],
            1,
        ],
        ['asked for once another had answered', [request(0, 1), request(1.2, 2)], 2],
        ['a chain beside a single request', [request(0, 1), request(1, 2), request(0, 1.5)], 2],
        [
            'a preflight of another URL is not this request’s',
            [request(0, 0.5, { url: other, preflight: true }), request(0, 1, { url })],
            1,
        ],
    ])('%s', (_name, requests, expected) => {
        expect(countRoundTrips(requests)).toBe(expected)
    })
})

describe('summarizeTraffic and requestsWithin', () => {
    it('counts requests, preflights and bytes of a window', () => {
        const url = 'https://ph.test/api/schema/'
        const all = [
            request(0, 1, { url, preflight: true, bytes: 50 }),
            request(1, 2, { url, sent: 0, bytes: 700 }),
            request(5, 6),
        ]
        const inside = requestsWithin(all, 0, 2.5)
        expect(summarizeTraffic(inside)).toEqual({ requests: 2, preflights: 1, bytes: 750, roundTrips: 2 })
    })
})

describe('findDuplicates', () => {
    it('names what was fetched twice, not preflights', () => {
        const url = 'https://ph.test/api/projects/1/tasks/?limit=25'
        const requests = [
            request(0, 1, { url, preflight: true }),
            request(1, 2, { url }),
            request(3, 4, { url }),
            request(1, 2, { url: 'https://ph.test/api/schema/' }),
            request(1, 2, { url, method: 'POST' }),
        ]
        expect(findDuplicates(requests)).toEqual([`GET ${url} ×2`])
    })
})

describe('readPageRequests', () => {
    it('finds the largest limit and the requests that skipped ahead', () => {
        const paths = ['/api/projects/1/tasks/?limit=25', '/api/projects/1/tasks/?limit=25&offset=25', '/api/schema/']
        expect(readPageRequests(paths)).toEqual({
            largestLimit: 25,
            withOffset: ['/api/projects/1/tasks/?limit=25&offset=25'],
        })
    })
})
