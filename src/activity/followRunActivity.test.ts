import { describe, expect, it } from 'vitest'

import { ApiError } from '../api/ApiError.ts'
import type { StreamEnd } from '../api/readRunStream.ts'
import type { SessionLogPage } from '../api/runSessionLogs.ts'
import type { FollowDeps, FollowState } from './followRunActivity.ts'
import { DELIVERY_SLICE, followRunActivity, LOG_POLL_INTERVAL_MS, RECONNECT_DELAYS_MS } from './followRunActivity.ts'

interface Script {
    pages: SessionLogPage[]
    streams: (StreamEnd | Error | unknown[])[]
    terminal: boolean[]
}

/** Runs the loop against scripted answers; a stream script is the values it sends, then how it ends. */
async function run(script: Script) {
    const seen: unknown[] = []
    const states: FollowState[] = []
    const sleeps: number[] = []
    const offsets: number[] = []
    const opens: ('latest' | 'backlog')[] = []
    let pauses = 0
    let visibilityWaits = 0
    const controller = new AbortController()
    const deps: FollowDeps = {
        signal: controller.signal,
        loadPage: (offset) => {
            offsets.push(offset)
            return Promise.resolve(script.pages.shift() ?? { entries: [], hasMore: false })
        },
        readStream: ({ fromLatest, onOpen, onValues }) => {
            let next = script.streams.shift()
            if (next instanceof Error) return Promise.reject(next)
            opens.push(fromLatest ? 'latest' : 'backlog')
            onOpen()
            while (Array.isArray(next)) {
                onValues(next)
                next = script.streams.shift()
            }
            if (next instanceof Error) return Promise.reject(next)
            if (next === undefined) controller.abort()
            return Promise.resolve(next ?? { kind: 'closed' })
        },
        isTerminal: () => Promise.resolve(script.terminal.shift() ?? true),
        isStreamMissing: (error) => error instanceof ApiError && error.status === 404,
        onEntries: (values) => seen.push(...values),
        onState: (state) => states.push(state),
        sleep: (ms) => {
            sleeps.push(ms)
            return Promise.resolve()
        },
        pause: () => {
            pauses++
            return Promise.resolve()
        },
        whenVisible: () => {
            visibilityWaits++
            return Promise.resolve()
        },
    }
    await followRunActivity(deps)
    return { seen, states, sleeps, offsets, opens, pauses, visibilityWaits }
}

const notFound = new ApiError({ info: { kind: 'not_found' }, message: 'Not found', status: 404 })

describe('followRunActivity', () => {
    it('reads every page of the log, and stops there for a run that has ended', async () => {
        const result = await run({
            pages: [
                { entries: [1, 2], hasMore: true },
                { entries: [3], hasMore: false },
            ],
            streams: [],
            terminal: [true],
        })
        expect(result.seen).toEqual([1, 2, 3])
        expect(result.offsets).toEqual([0, 2])
        expect(result.states).toEqual(['history', 'ended'])
    })

    it('hands a long page on in slices, pausing between them', async () => {
        const entries = Array.from({ length: DELIVERY_SLICE * 2 + 1 }, (_, index) => index)
        const result = await run({ pages: [{ entries, hasMore: false }], streams: [], terminal: [true] })
        expect(result.seen).toEqual(entries)
        expect(result.pauses).toBe(2)
    })

    it('without X-Has-More, pages until an empty page', async () => {
        const result = await run({
            pages: [
                { entries: [1], hasMore: undefined },
                { entries: [], hasMore: undefined },
            ],
            streams: [],
            terminal: [true],
        })
        expect(result.offsets).toEqual([0, 1])
    })

    it('goes live after the history, reconnects at once after a rotation, and ends with the stream', async () => {
        const result = await run({
            pages: [{ entries: [1], hasMore: false }],
            streams: [[2], { kind: 'rotated' }, [3], { kind: 'complete' }],
            terminal: [false],
        })
        expect(result.seen).toEqual([1, 2, 3])
        expect(result.sleeps).toEqual([])
        expect(result.states).toEqual(['history', 'live', 'live', 'ended'])
    })

    it('backs off 2, 4, 8, 16, 30 s when the stream keeps dropping, then pages the log', async () => {
        const result = await run({
            pages: [{ entries: [], hasMore: false }],
            streams: [
                { kind: 'closed' },
                new Error('reset'),
                { kind: 'closed' },
                { kind: 'closed' },
                { kind: 'closed' },
                { kind: 'closed' },
            ],
            terminal: [false, false, false, false, false, false, false, false],
        })
        expect(result.sleeps.slice(0, 5)).toEqual(RECONNECT_DELAYS_MS)
        expect(result.states).toContain('polling')
        expect(result.states.at(-1)).toBe('ended')
    })

    it('stops reconnecting once PostHog says the run has ended, after reading the rest of the log', async () => {
        const result = await run({
            pages: [
                { entries: [1], hasMore: false },
                { entries: [2], hasMore: false },
            ],
            streams: [{ kind: 'closed' }],
            terminal: [false, true],
        })
        expect(result.seen).toEqual([1, 2])
        expect(result.offsets).toEqual([0, 1, 2])
        expect(result.sleeps).toEqual([])
    })

    it('opens the first stream at its newest entry and reads what was logged meanwhile; a rotation does the same', async () => {
        const result = await run({
            pages: [
                { entries: [1, 2], hasMore: false },
                { entries: [3], hasMore: false },
                { entries: [4, 5], hasMore: false },
            ],
            streams: [[4], { kind: 'rotated' }, [6], { kind: 'complete' }],
            terminal: [false],
        })
        expect(result.opens).toEqual(['latest', 'latest'])
        // each gap's read starts where the log's last read ended
        expect(result.offsets.slice(0, 3)).toEqual([0, 2, 3])
        // raw order: what the log and the stream both bring is dropped later, by the activity log
        expect(result.seen).toEqual([1, 2, 4, 3, 6, 4, 5])
    })

    it('replays the backlog when reconnecting after a drop', async () => {
        const result = await run({
            pages: [{ entries: [1], hasMore: false }],
            streams: [[2], { kind: 'closed' }, [1, 2, 3], { kind: 'complete' }],
            terminal: [false, false],
        })
        expect(result.opens).toEqual(['latest', 'backlog'])
        expect(result.sleeps).toEqual([RECONNECT_DELAYS_MS[0]])
        expect(result.seen).toEqual([1, 2, 1, 2, 3])
    })

    it('pages the log where this PostHog has no stream', async () => {
        const result = await run({
            pages: [
                { entries: [1], hasMore: false },
                { entries: [2], hasMore: false },
                { entries: [], hasMore: false },
            ],
            streams: [notFound],
            terminal: [false, false, true],
        })
        expect(result.seen).toEqual([1, 2])
        expect(result.states).toEqual(['history', 'live', 'polling', 'ended'])
        // between two pages of the log, it waits for the tab to be visible
        expect(result.sleeps).toEqual([LOG_POLL_INTERVAL_MS])
        expect(result.visibilityWaits).toBe(1)
    })
})
