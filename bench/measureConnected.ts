import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test'

import { DEMO_KEYS } from '../fake-posthog/seedData.ts'
import { whenQuiet, withTimeout } from './waitFor.ts'
import { keyLatencies, MESSAGE_LABEL, prepareTyping, typeMessage } from './measureRound.ts'
import {
    findDuplicates,
    requestsWithin,
    summarizeTraffic,
    type PhaseTraffic,
    type TimedRequest,
} from './networkTimeline.ts'

export const CONNECTED_PHASES = ['connect', 'chooseTask', 'startRun'] as const
export type ConnectedPhase = (typeof CONNECTED_PHASES)[number]

export interface PhaseResult extends PhaseTraffic {
    ms: number
}

export interface NetworkShape {
    rttMs: number
    /** Bytes per second each way; undefined leaves the bandwidth alone. */
    downloadBytesPerSecond: number | undefined
    uploadBytesPerSecond: number | undefined
}

export interface ConnectedPage {
    /** The app opened from a link naming host, project and task. */
    url: string
    /** The title of another task of the project, chosen in the second phase. */
    otherTaskTitle: string
    otherTaskId: string
    model: string
    message: string
}

export interface ConnectedRound {
    rttMs: number
    phases: Record<ConnectedPhase, PhaseResult>
    /** Every request from "Check connection" until "Start run", the same URL twice named. */
    duplicates: string[]
    /** After the three phases, garbage collected. */
    heapUsedBytes: number
    /** Every request of the three phases, ms from "Check connection", for reading the waterfall. */
    timeline: {
        method: string
        url: string
        preflight: boolean
        sentMs: number
        startMs: number
        endMs: number
        bytes: number
    }[]
}

const STEP_TIMEOUT_MS = 30_000
const QUIET_MS = 300
// the in-page ready moment and CDP's loadingFinished come from two clocks mapped onto one
const CLOCK_SLACK_S = 0.005

declare global {
    interface Window {
        /** Epoch ms of each trusted click, from a capture listener installed before the app's scripts. */
        __connectedClicks?: number[]
        __connectedKeys?: number[]
    }
}

const CLICK_PROBE = `(() => {
    window.__connectedClicks = []
    window.__connectedKeys = []
    performance.setResourceTimingBufferSize(100000)
    document.addEventListener('click', (event) => {
        if (event.isTrusted) window.__connectedClicks.push(performance.timeOrigin + event.timeStamp)
    }, true)
    document.addEventListener('keydown', (event) => {
        if (event.isTrusted) window.__connectedKeys.push(performance.timeOrigin + event.timeStamp)
    }, true)
})()`

interface PendingRequest {
    method: string
    url: string
    preflight: boolean
    sent: number
    start: number | undefined
}

/** Every request of the page from CDP, preflights included, on the epoch clock (seconds). */
class NetworkLog {
    private readonly pending = new Map<string, PendingRequest>()
    private readonly finished: TimedRequest[] = []
    private readonly listeners = new Set<() => void>()
    private offset = 0

    constructor(cdp: CDPSession) {
        cdp.on('Network.requestWillBeSent', (event) => {
            if (event.request.url.startsWith('data:')) return
            // CDP's timestamps are monotonic; wallTime maps them onto the epoch the page's clock also uses
            this.offset = event.wallTime - event.timestamp
            this.pending.set(event.requestId, {
                method: event.request.method,
                url: event.request.url,
                preflight: event.type === 'Preflight' || event.initiator.type === 'preflight',
                sent: event.timestamp,
                start: undefined,
            })
            this.changed()
        })
        cdp.on('Network.responseReceived', (event) => {
            const request = this.pending.get(event.requestId)
            // after a preflight, requestTime is when the request itself went out, not when fetch() was called
            if (request && event.response.timing) request.start = event.response.timing.requestTime
        })
        const finish = (requestId: string, timestamp: number, bytes: number): void => {
            const request = this.pending.get(requestId)
            if (!request) return
            this.pending.delete(requestId)
            const start = Math.max(request.start ?? request.sent, request.sent)
            this.finished.push({
                method: request.method,
                url: request.url,
                preflight: request.preflight,
                sent: request.sent + this.offset,
                start: start + this.offset,
                end: timestamp + this.offset,
                bytes,
            })
            this.changed()
        }
        cdp.on('Network.loadingFinished', (event) => {
            finish(event.requestId, event.timestamp, event.encodedDataLength)
        })
        cdp.on('Network.loadingFailed', (event) => {
            finish(event.requestId, event.timestamp, 0)
        })
    }

    requests(): TimedRequest[] {
        return [...this.finished]
    }

    private changed(): void {
        for (const listener of this.listeners) listener()
    }

    /** Resolves once no request has been in flight for quietMs. */
    quiet(quietMs = QUIET_MS): Promise<void> {
        return whenQuiet(this.listeners, () => this.pending.size > 0, quietMs, STEP_TIMEOUT_MS)
    }
}

type ReadyCheck = 'connect' | 'chooseTask' | 'startRun' | { search: string }

interface ReadySpec {
    /** The phase starts at the first click (or, for a search, the last key) after this many. */
    after: number
    /** Sources of RegExps: each must match a resource the page fetched since that moment. */
    resources: string[]
    check: ReadyCheck
}

/** In the page (a string, so no bundler helper leaks in): epoch ms of the first frame at which the phase is done. */
const WAIT_UNTIL_READY = `(spec) => {
    const isLoading = () =>
        [...document.querySelectorAll('[role="status"]')].some((element) =>
            element.textContent.trim().startsWith('Loading')
        ) || document.body.textContent.includes('Loading PostHog’s schema')
    const domReady = (check) => {
        if (check === 'connect') {
            return (
                document.body.textContent.includes('Connected to') &&
                document.querySelector('fieldset.task-list input[type="radio"]') !== null &&
                !isLoading()
            )
        }
        if (check === 'chooseTask') return !isLoading()
        if (check === 'startRun') {
            const status = document.querySelector('.run-status')
            return status !== null && !status.classList.contains('status-unknown')
        }
        const rows = [...document.querySelectorAll('fieldset.task-list .task-title')]
        const term = check.search.toLowerCase()
        return rows.length > 0 && rows.every((row) => row.textContent.toLowerCase().includes(term)) && !isLoading()
    }
    return new Promise((resolve) => {
        const frame = () => {
            const marks = typeof spec.check === 'object' ? window.__connectedKeys : window.__connectedClicks
            const startedAt = typeof spec.check === 'object' ? marks.at(-1) : marks[spec.after]
            if (startedAt === undefined || marks.length <= spec.after) {
                requestAnimationFrame(frame)
                return
            }
            const since = startedAt - performance.timeOrigin
            const entries = performance.getEntriesByType('resource')
            const fetched = spec.resources.every((source) => {
                const pattern = new RegExp(source)
                return entries.some((entry) => entry.startTime >= since - 1 && pattern.test(entry.name))
            })
            if (fetched && domReady(spec.check)) resolve(performance.timeOrigin + performance.now())
            else requestAnimationFrame(frame)
        }
        frame()
    })
}`

async function waitUntilReady(page: Page, spec: ReadySpec): Promise<number> {
    const readyAt: unknown = await page.evaluate(`(${WAIT_UNTIL_READY})(${JSON.stringify(spec)})`)
    if (typeof readyAt !== 'number') throw new Error('the ready check returned no time')
    return readyAt
}

interface PhaseWindow {
    from: number
    to: number
}

/** Runs `act` and returns when it started (its click or last key, epoch ms) and when the page was ready. */
async function timePhase(
    page: Page,
    check: ReadyCheck,
    resources: string[],
    act: () => Promise<void>
): Promise<PhaseWindow> {
    const marks = typeof check === 'object' ? 'keys' : 'clicks'
    const after = await page.evaluate(
        (which) => (which === 'keys' ? window.__connectedKeys : window.__connectedClicks)?.length ?? 0,
        marks
    )
    const ready = waitUntilReady(page, { after, resources, check })
    await act()
    let to: number
    try {
        to = await withTimeout(ready, STEP_TIMEOUT_MS, `the page was never ready after ${JSON.stringify(check)}`)
    } catch (error) {
        throw new Error(
            `${error instanceof Error ? error.message : String(error)}: ${await whatIsMissing(page, resources)}`
        )
    }
    const from = await page.evaluate(
        ({ which, index }) => (which === 'keys' ? window.__connectedKeys?.at(-1) : window.__connectedClicks?.[index]),
        { which: marks, index: after }
    )
    if (from === undefined) throw new Error('the phase’s click or key was not seen by the page')
    return { from, to }
}

/** For a timed-out phase: which awaited requests never went out, and what the page shows. */
async function whatIsMissing(page: Page, resources: readonly string[]): Promise<string> {
    return page
        .evaluate((sources) => {
            const names = performance.getEntriesByType('resource').map((entry) => entry.name)
            const missing = sources.filter((source) => !names.some((name) => new RegExp(source).test(name)))
            // no named helper here: the bundler would wrap it in a function the page does not have
            const [statuses, alerts] = ['[role="status"]', '[role="alert"], .field-error'].map((selector) =>
                [...document.querySelectorAll(selector)]
                    .map((element) => element.textContent.trim())
                    .filter((text) => text !== '')
                    .join(' | ')
                    .slice(0, 300)
            )
            const key = document.querySelector<HTMLInputElement>('.secret input')
            return (
                `never requested: ${missing.join(', ') || 'none'}; statuses: ${statuses ?? ''}; ` +
                `alerts and field errors: ${alerts === '' ? 'none' : (alerts ?? 'none')}; ` +
                `key field: ${key ? `${key.value.length} characters` : 'not found'}; focus: ${document.activeElement?.outerHTML.slice(0, 120) ?? 'none'}`
            )
        }, resources)
        .catch(
            (error: unknown) => `the page could not be read (${error instanceof Error ? error.message : String(error)})`
        )
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function openShapedPage(
    browser: Browser,
    shape: NetworkShape
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; log: NetworkLog }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, serviceWorkers: 'block' })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    const log = new NetworkLog(cdp)
    await cdp.send('Network.enable')
    // The HTTP cache stays on (a fresh context starts empty): "disable cache" would also skip the preflight cache.
    await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: shape.rttMs,
        downloadThroughput: shape.downloadBytesPerSecond ?? -1,
        uploadThroughput: shape.uploadBytesPerSecond ?? -1,
    })
    await cdp.send('HeapProfiler.enable')
    await page.addInitScript({ content: CLICK_PROBE })
    return { context, page, cdp, log }
}

/** Opens the link, asks to connect and types the key: everything before "Check connection". */
async function openConnectionPanel(page: Page, target: ConnectedPage): Promise<void> {
    await page.goto(target.url, { waitUntil: 'commit' })
    const connectButton = page.getByRole('button', { name: 'Connect to PostHog' })
    const key = page.getByLabel('Personal API key')
    await connectButton.or(key).first().waitFor({ timeout: STEP_TIMEOUT_MS })
    if (await connectButton.isVisible()) await connectButton.click()
    await key.fill(DEMO_KEYS.full)
}

async function selectModel(page: Page, model: string): Promise<void> {
    const field = page.getByLabel(/^Model\b/).first()
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(model)
    else await field.fill(model)
}

async function measureHeap(cdp: CDPSession): Promise<number> {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
}

function phaseResult(requests: readonly TimedRequest[], window: PhaseWindow): PhaseResult {
    const inside = requestsWithin(requests, window.from / 1000 - CLOCK_SLACK_S, window.to / 1000 + CLOCK_SLACK_S)
    return { ms: window.to - window.from, ...summarizeTraffic(inside) }
}

/** Resource patterns the first phase waits for: everything a ready form needs from PostHog. */
function connectResources(linkTaskId: string): string[] {
    return [
        '/api/projects/\\d+/tasks/\\?',
        '/tasks/models/',
        '/api/schema/',
        '/sandbox_environments/',
        '/signals/reports/',
        `/tasks/${escapeRegExp(linkTaskId)}/runs/`,
    ]
}

/** Opens the link and types the key, then times "Check connection" until ready to start; the network is quiet after. */
async function connectPhase(
    page: Page,
    log: NetworkLog,
    target: ConnectedPage,
    linkTaskId: string
): Promise<PhaseWindow> {
    await openConnectionPanel(page, target)
    await log.quiet()
    const connect = await timePhase(page, 'connect', connectResources(linkTaskId), () =>
        page.getByRole('button', { name: 'Check connection' }).click()
    )
    await log.quiet()
    return connect
}

/**
 * One fresh context on a shaped network: "Check connection" until ready to start, choosing another task until its
 * pickers are ready, "Start run" until the run's status is shown; then the heap.
 */
export async function measureConnectedRound(
    browser: Browser,
    target: ConnectedPage,
    shape: NetworkShape,
    linkTaskId: string
): Promise<ConnectedRound> {
    const { context, page, cdp, log } = await openShapedPage(browser, shape)
    try {
        const connect = await connectPhase(page, log, target, linkTaskId)
        const chooseTask = await timePhase(
            page,
            'chooseTask',
            [`/tasks/${escapeRegExp(target.otherTaskId)}/runs/`],
            () => page.getByRole('radio', { name: target.otherTaskTitle }).check()
        )
        await log.quiet()
        await selectModel(page, target.model)
        await page.getByLabel(MESSAGE_LABEL).fill(target.message)
        await log.quiet()
        const startRun = await timePhase(page, 'startRun', [`/tasks/${escapeRegExp(target.otherTaskId)}/run/`], () =>
            page.getByRole('button', { name: /^Start run/ }).click()
        )
        await log.quiet()
        const heapUsedBytes = await measureHeap(cdp)
        const requests = log.requests()
        const beforeRun = requests.filter(
            (request) => request.sent * 1000 >= connect.from && request.end * 1000 <= startRun.from
        )
        return {
            rttMs: shape.rttMs,
            phases: {
                connect: phaseResult(requests, connect),
                chooseTask: phaseResult(requests, chooseTask),
                startRun: phaseResult(requests, startRun),
            },
            duplicates: findDuplicates(beforeRun),
            heapUsedBytes,
            timeline: requests
                .filter((request) => request.sent * 1000 >= connect.from)
                .map((request) => ({
                    method: request.method,
                    url: request.url,
                    preflight: request.preflight,
                    sentMs: Math.round(request.sent * 1000 - connect.from),
                    startMs: Math.round(request.start * 1000 - connect.from),
                    endMs: Math.round(request.end * 1000 - connect.from),
                    bytes: request.bytes,
                })),
        }
    } finally {
        await context.close()
    }
}

export interface TypingWhileLoading {
    /** keystroke→paint of each key typed before "Check connection": the form as the main scenario times it, ms */
    beforeMs: number[]
    /** the same keys typed right after "Check connection", while the pickers and the live schema load */
    loadingMs: number[]
}

/** Types into the message before "Check connection", then again at once after it, while everything loads. */
export async function measureTypingWhileLoading(
    browser: Browser,
    target: ConnectedPage,
    shape: NetworkShape,
    text: string
): Promise<TypingWhileLoading> {
    const { context, page, cdp, log } = await openShapedPage(browser, shape)
    try {
        const signals = await prepareTyping(page, cdp)
        await openConnectionPanel(page, target)
        await log.quiet()
        const before = await typeMessage(page, cdp, signals, text, 'app')
        await log.quiet()
        await page.getByRole('button', { name: 'Check connection' }).click()
        const loading = await typeMessage(page, cdp, signals, text, 'app')
        return { beforeMs: keyLatencies(before.keys), loadingMs: keyLatencies(loading.keys) }
    } finally {
        await context.close()
    }
}

export interface LargeProjectRound {
    connectMs: number
    /** The last key typed into "Search tasks" until the list shows only matching tasks. */
    searchMs: number
    heapUsedBytes: number
}

/** On a project of 10,000 tasks: connect, heap once ready, then search the task picker. */
export async function measureLargeProjectRound(
    browser: Browser,
    target: ConnectedPage,
    shape: NetworkShape,
    linkTaskId: string,
    searchTerm: string
): Promise<LargeProjectRound> {
    const { context, page, cdp, log } = await openShapedPage(browser, shape)
    try {
        const connect = await connectPhase(page, log, target, linkTaskId)
        const heapUsedBytes = await measureHeap(cdp)
        const search = page.getByLabel('Search tasks')
        await search.click()
        const searched = await timePhase(
            page,
            { search: searchTerm },
            [`search=${escapeRegExp(encodeURIComponent(searchTerm)).replace(/%20/g, '(%20|\\+)')}`],
            () => search.pressSequentially(searchTerm)
        )
        await log.quiet()
        return { connectMs: connect.to - connect.from, searchMs: searched.to - searched.from, heapUsedBytes }
    } finally {
        await context.close()
    }
}
