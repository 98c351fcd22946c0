// The connected scenario of npm run bench: the app against the local fake PostHog over a shaped network.
import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

import type { Browser } from '@playwright/test'

import { DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import { LARGE_PROJECT_ADMIN_PATH } from '../fake-posthog/seedLargeProject.ts'
import { startFakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { percentile } from './benchStats.ts'
import { buildConnectedReport, type ConnectedReport, type ConnectedSummary } from './buildConnectedReport.ts'
import { formatTable } from './formatTable.ts'
import { retryOnce } from './waitFor.ts'
import {
    measureConnectedRound,
    measureLargeProjectRound,
    measureTypingWhileLoading,
    type TypingWhileLoading,
    type ConnectedPage,
    type ConnectedRound,
    type LargeProjectRound,
    type NetworkShape,
} from './measureConnected.ts'
import { readPageRequests } from './networkTimeline.ts'
import { serveBuild } from './serveBuild.ts'

export const CONNECTED_RTTS = [0, 150] as const
// a good office line: 20 Mbit/s down, 5 up; unshaped at 0 ms, where only the app's own work shows
const SHAPED_DOWN = (20 * 1_000_000) / 8
const SHAPED_UP = (5 * 1_000_000) / 8
const TYPING_KEYS = 60
const SEARCH_TERM = 'dashboards #77'
const SENTENCE = 'find the race in the login test and make it deterministic; keep the fix small. '

export interface ConnectedOptions {
    rounds: number
    typingLoads: number
    largeRounds: number
}

function shapeFor(rttMs: number): NetworkShape {
    return rttMs === 0
        ? { rttMs, downloadBytesPerSecond: undefined, uploadBytesPerSecond: undefined }
        : { rttMs, downloadBytesPerSecond: SHAPED_DOWN, uploadBytesPerSecond: SHAPED_UP }
}

function logRound(round: ConnectedRound): void {
    const { connect, chooseTask, startRun } = round.phases
    const phase = (name: string, result: typeof connect): string =>
        `${name} ${Math.round(result.ms)} ms/${result.roundTrips} RT/${result.requests} req`
    console.log(
        `  ${String(round.rttMs).padStart(3)} ms RTT  ${phase('connect', connect)}  ${phase('task', chooseTask)}  ` +
            `${phase('run', startRun)}${round.duplicates.length > 0 ? `  twice: ${round.duplicates.join(', ')}` : ''}`
    )
}

/** Runs the connected scenario in `browser` against the app built in appDir; prints and returns its report. */
export async function runConnectedScenario(
    browser: Browser,
    appDir: string,
    resultsDir: string,
    options: ConnectedOptions
): Promise<ConnectedReport> {
    const startedAt = Date.now()
    const fake = await startFakePostHog()
    const appServer = await serveBuild(appDir, [fake.origin])
    try {
        const linkTaskId = DEMO_TASK_IDS.flakyLoginTest
        const target: ConnectedPage = {
            url: `${appServer.origin}/?host=${encodeURIComponent(fake.origin)}&project_id=${DEMO_PROJECT_ID}&task_id=${linkTaskId}`,
            otherTaskTitle: 'Upgrade React to 19 in the dashboard',
            otherTaskId: DEMO_TASK_IDS.reactUpgrade,
            model: 'claude-sonnet-4-6',
            message: SENTENCE,
        }
        console.log(`Connected scenario: ${options.rounds} round(s) at each of ${CONNECTED_RTTS.join(' and ')} ms RTT`)
        console.log('Warm-up round (discarded)…')
        await retryOnce('warm-up', () => measureConnectedRound(browser, target, shapeFor(0), linkTaskId))
        const rounds = new Map<number, ConnectedRound[]>()
        for (let round = 0; round < options.rounds; round += 1) {
            for (const rttMs of CONNECTED_RTTS) {
                const result = await retryOnce(`${rttMs} ms RTT`, () =>
                    measureConnectedRound(browser, target, shapeFor(rttMs), linkTaskId)
                )
                logRound(result)
                rounds.set(rttMs, [...(rounds.get(rttMs) ?? []), result])
            }
        }
        const typingRtt = CONNECTED_RTTS[CONNECTED_RTTS.length - 1] ?? 0
        console.log(
            `Typing while the pickers and schema load (${TYPING_KEYS} keys in each of ${options.typingLoads} page loads, ${typingRtt} ms RTT)…`
        )
        const text = SENTENCE.repeat(2).slice(0, TYPING_KEYS)
        // One load's 60 keys put its p95 on the third-slowest key: the keys of every round are pooled instead.
        const typing: TypingWhileLoading = { beforeMs: [], loadingMs: [] }
        for (let load = 0; load < options.typingLoads; load += 1) {
            const result = await retryOnce('typing', () =>
                measureTypingWhileLoading(browser, target, shapeFor(typingRtt), text)
            )
            console.log(
                `  before ${percentile(result.beforeMs, 95).toFixed(1)} ms  loading ${percentile(result.loadingMs, 95).toFixed(1)} ms (p95)`
            )
            typing.beforeMs.push(...result.beforeMs)
            typing.loadingMs.push(...result.loadingMs)
        }

        console.log('Large project (admin call to the fake): 10,000 tasks, 1,000 runs, 500 reports, big schema…')
        const seeded = await fetch(`${fake.origin}${LARGE_PROJECT_ADMIN_PATH}`, { method: 'POST' })
        console.log(`  seeded: ${await seeded.text()}`)
        const firstLargeRequest = fake.requests.length
        const largeRounds: LargeProjectRound[] = []
        for (let round = 0; round < options.largeRounds; round += 1) {
            const result = await retryOnce('large project', () =>
                measureLargeProjectRound(browser, target, shapeFor(CONNECTED_RTTS[0]), linkTaskId, SEARCH_TERM)
            )
            console.log(
                `  ready ${Math.round(result.connectMs)} ms  search ${Math.round(result.searchMs)} ms  ` +
                    `heap ${(result.heapUsedBytes / 2 ** 20).toFixed(2)} MB`
            )
            largeRounds.push(result)
        }
        const listPaths = fake.requests
            .slice(firstLargeRequest)
            .filter(
                (request) =>
                    request.method === 'GET' && /\/(tasks|runs|sandbox_environments|reports)\/(\?|$)/.test(request.path)
            )
            .map((request) => request.path)
        const pages = readPageRequests(listPaths)

        const summary: ConnectedSummary = {
            rounds,
            typing: { ...typing, rttMs: typingRtt },
            large: { rounds: largeRounds, ...pages, listRequests: listPaths.length, searchTerm: SEARCH_TERM },
        }
        const report = buildConnectedReport(summary)
        console.log('')
        console.log(
            `Connected path: medians of ${options.rounds} round(s) per RTT; RT = round trips on the critical path, ` +
                'from the network timeline'
        )
        console.log('')
        console.log(formatTable(report.header, report.rows))
        const output = join(resultsDir, 'connected.json')
        writeFileSync(
            output,
            `${JSON.stringify(
                {
                    takenAt: new Date(startedAt).toISOString(),
                    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
                    table: { header: report.header, rows: report.rows },
                    budgets: report.verdicts,
                    rounds: Object.fromEntries(rounds),
                    typing,
                    large: summary.large,
                    largeListRequests: listPaths,
                },
                null,
                2
            )}\n`
        )
        console.log(`\nWrote ${relative(process.cwd(), output)}.`)
        return report
    } finally {
        await Promise.all([appServer.close(1000), fake.close()])
    }
}
