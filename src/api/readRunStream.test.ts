import { describe, expect, it } from 'vitest'

import { createTestFake } from '../../fake-posthog/createTestFake.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_RUN_IDS, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import { createPostHogClient } from './createPostHogClient.ts'
import { readRunStream } from './readRunStream.ts'

const TASK = DEMO_TASK_IDS.flakyLoginTest
const RUN = DEMO_RUN_IDS.flakyLoginCompleted
const HISTORY = 30

/** The fake PostHog with the seeded run's backlog already logged; its stream rotates after the history. */
function streamingFake(status: 'in_progress' | 'completed') {
    const fake = createTestFake({ activity: { historyEntries: HISTORY, rotateAfterEntries: [HISTORY] } })
    const run = fake.state.runs.find((candidate) => candidate.id === RUN)
    if (!run) throw new Error('the seeded run is missing')
    run.status = status
    run.upcomingStatuses = []
    const client = createPostHogClient({
        host: 'https://posthog.test',
        projectId: String(DEMO_PROJECT_ID),
        apiKey: DEMO_KEYS.full,
        fetch: async (input, init) => fake.app.request(input instanceof Request ? input.url : input, init),
    })
    return { fake, client, run }
}

async function read(
    client: ReturnType<typeof streamingFake>['client'],
    options: Partial<Parameters<typeof readRunStream>[3]>
) {
    const values: unknown[] = []
    let opened = false
    const end = await readRunStream(client, TASK, RUN, {
        signal: new AbortController().signal,
        onOpen: () => {
            opened = true
        },
        onValues: (batch) => values.push(...batch),
        ...options,
    })
    return { end, values, opened }
}

describe('readRunStream', () => {
    it('reads the backlog as parsed values until PostHog rotates the stream', async () => {
        const { client } = streamingFake('in_progress')
        const { end, values, opened } = await read(client, {})
        expect(opened).toBe(true)
        expect(end).toEqual({ kind: 'rotated' })
        expect(values.length).toBeGreaterThanOrEqual(HISTORY)
        expect(values[0]).toMatchObject({ type: 'notification' })
    })

    it('drops what an earlier connection delivered before parsing it', async () => {
        const { client, run } = streamingFake('in_progress')
        const seen = new Set<string>()
        const first = await read(client, { isReplay: (data) => seen.has(data) || (seen.add(data), false) })
        // the run ends: the second connection replays the backlog, sends the rest, then says so
        run.status = 'completed'
        const replayed: string[] = []
        const second = await read(client, {
            isReplay: (data) => {
                replayed.push(data)
                return seen.has(data)
            },
        })
        expect(first.values.length).toBeGreaterThanOrEqual(HISTORY)
        expect(replayed.length).toBeGreaterThanOrEqual(HISTORY)
        // only what the first connection had not delivered is parsed and passed on
        expect(second.values.length).toBe(replayed.length - first.values.length)
        const firstData = new Set(first.values.map((value) => JSON.stringify(value)))
        expect(second.values.filter((value) => firstData.has(JSON.stringify(value)))).toEqual([])
        expect(second.end).toEqual({ kind: 'complete' })
    })

    it('opened at the newest entry, skips the backlog', async () => {
        const { client, fake } = streamingFake('completed')
        const { end, values } = await read(client, { fromLatest: true })
        expect(end).toEqual({ kind: 'complete' })
        expect(values).toEqual([])
        expect(fake.traffic.requests.at(-1)?.path).toMatch(/\/stream\/\?start=latest$/)
    })
})
