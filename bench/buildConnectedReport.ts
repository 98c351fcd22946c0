import { median, p95 } from './benchStats.ts'
import { evaluateBudget, type BudgetVerdict } from './evaluateBudget.ts'
import { formatBytes, formatMegabytes, formatMs, formatRatio } from './formatTable.ts'
import type {
    ConnectedPhase,
    ConnectedRound,
    LargeProjectRound,
    PhaseResult,
    TypingWhileLoading,
} from './measureConnected.ts'

/**
 * The fewest round trips PostHog's contract allows, with independent requests in parallel and one preflight per URL:
 * connecting needs every list (tasks, models, environments, reports, the task's runs), each a preflight and a GET
 * side by side (the schema is public: one GET); a chosen task needs its runs (preflight, GET); a run needs its POST,
 * whose preflight can be paid as soon as the task is chosen.
 */
export const CONNECTED_FLOORS: Record<ConnectedPhase, number> = { connect: 2, chooseTask: 2, startRun: 1 }

/** How many round trips over the floor each budget allows, judged at the highest RTT measured. */
export const ROUND_TRIP_SLACK: Partial<Record<ConnectedPhase, number>> = { connect: 2, startRun: 1 }

/** The existing keystroke budget (p95 at most 1.1×), here typing while loading against typing before connecting. */
export const TYPING_MAX_RATIO = 1.1

/** The largest page PostHog serves (max_limit); a picker never asks for more. */
export const LARGEST_PAGE = 100

const PHASE_LABELS: Record<ConnectedPhase, string> = {
    connect: '“Check connection” → ready to start',
    chooseTask: 'choose a task → its pickers ready',
    startRun: '“Start run” → run shown',
}

export interface LargeProjectSummary {
    rounds: LargeProjectRound[]
    /** Every list request the fake saw on the large project. */
    largestLimit: number
    withOffset: string[]
    listRequests: number
    searchTerm: string
}

export interface ConnectedSummary {
    /** Rounds by RTT, in the order measured (lowest first). */
    rounds: ReadonlyMap<number, readonly ConnectedRound[]>
    typing: (TypingWhileLoading & { rttMs: number }) | undefined
    large: LargeProjectSummary | undefined
}

export interface ConnectedReport {
    header: string[]
    rows: string[][]
    verdicts: BudgetVerdict[]
    failed: BudgetVerdict[]
}

/** Medians over rounds, field by field; round trips stay whole. */
export function medianPhase(rounds: readonly ConnectedRound[], phase: ConnectedPhase): PhaseResult {
    const of = (pick: (result: PhaseResult) => number): number =>
        median(rounds.map((round) => pick(round.phases[phase])))
    return {
        ms: of((result) => result.ms),
        roundTrips: Math.round(of((result) => result.roundTrips)),
        requests: Math.round(of((result) => result.requests)),
        preflights: Math.round(of((result) => result.preflights)),
        bytes: of((result) => result.bytes),
    }
}

function timeCell(result: PhaseResult): string {
    return `${formatMs(result.ms)} · ${result.roundTrips} RT`
}

function trafficCell(result: PhaseResult): string {
    return `${result.requests} req (${result.preflights} preflight) · ${formatBytes(result.bytes)}`
}

export function buildConnectedReport(summary: ConnectedSummary): ConnectedReport {
    const rtts = [...summary.rounds.keys()]
    const highest = rtts.at(-1)
    const header = ['connected path', ...rtts.map((rtt) => `${rtt} ms RTT`), 'floor', 'over floor', 'budget', 'result']
    const rows: string[][] = []
    const verdicts: BudgetVerdict[] = []

    for (const phase of ['connect', 'chooseTask', 'startRun'] as const) {
        const results = rtts.map((rtt) => medianPhase(summary.rounds.get(rtt) ?? [], phase))
        const floor = CONNECTED_FLOORS[phase]
        const judged = results.at(-1)
        const over = judged === undefined ? Number.NaN : judged.roundTrips - floor
        const slack = ROUND_TRIP_SLACK[phase]
        const floorCell = `${floor} RT${highest ? ` = ${formatMs(floor * highest)}` : ''}`
        let budgetCell = ''
        let resultCell = ''
        if (slack !== undefined) {
            const verdict = evaluateBudget({
                kind: 'check',
                label: `${PHASE_LABELS[phase]}: within ${slack} round trip(s) of the floor at ${highest ?? '?'} ms RTT`,
                pass: Number.isFinite(over) && over <= slack,
                detail: `${judged?.roundTrips ?? '?'} RT, floor ${floor}`,
            })
            verdicts.push(verdict)
            budgetCell = `≤ +${slack} RT`
            resultCell = verdict.pass ? 'pass' : 'FAIL'
        }
        rows.push([PHASE_LABELS[phase], ...results.map(timeCell), floorCell, `+${over} RT`, budgetCell, resultCell])
        rows.push(['  requests · bytes', ...results.map(trafficCell), '', '', '', ''])
    }

    const duplicates = [...new Set(rtts.flatMap((rtt) => (summary.rounds.get(rtt) ?? []).flatMap((r) => r.duplicates)))]
    const twice = evaluateBudget({
        kind: 'check',
        label: 'nothing fetched twice',
        pass: duplicates.length === 0 && rtts.length > 0,
        detail: duplicates.join('; '),
    })
    verdicts.push(twice)
    rows.push([
        'fetched twice (check → start)',
        ...rtts.map((rtt) => String(new Set((summary.rounds.get(rtt) ?? []).flatMap((r) => r.duplicates)).size)),
        '0',
        '',
        'none',
        twice.pass ? 'pass' : 'FAIL',
    ])
    rows.push([
        'JS heap after the run',
        ...rtts.map((rtt) => formatMegabytes(median((summary.rounds.get(rtt) ?? []).map((r) => r.heapUsedBytes)))),
        '',
        '',
        '',
        '',
    ])

    if (summary.typing) {
        const loading = p95(summary.typing.loadingMs)
        const before = p95(summary.typing.beforeMs)
        const verdict = evaluateBudget({
            kind: 'ratio',
            label: `keystroke→paint p95 while pickers and schema load, against before connecting (${summary.typing.rttMs} ms RTT)`,
            app: loading,
            reference: before,
            maxRatio: TYPING_MAX_RATIO,
        })
        verdicts.push(verdict)
        const cells = rtts.map((rtt) =>
            rtt === summary.typing?.rttMs
                ? `${formatMs(loading)} / ${formatMs(before)} (${formatRatio(verdict.ratio)})`
                : ''
        )
        rows.push([
            'typing p95 while loading / before',
            ...cells,
            '',
            '',
            `≤ ${TYPING_MAX_RATIO}×`,
            verdict.pass ? 'pass' : 'FAIL',
        ])
    }

    if (summary.large) {
        const { large } = summary
        const at = rtts[0]
        const cell = (text: string): string[] => rtts.map((rtt) => (rtt === at ? text : ''))
        const of = (pick: (round: LargeProjectRound) => number): number => median(large.rounds.map(pick))
        rows.push(['large project: ready to start', ...cell(formatMs(of((r) => r.connectMs))), '', '', '', ''])
        rows.push([
            `large project: search “${large.searchTerm}”`,
            ...cell(formatMs(of((r) => r.searchMs))),
            '',
            '',
            '',
            '',
        ])
        rows.push([
            'large project: JS heap once ready',
            ...cell(formatMegabytes(of((r) => r.heapUsedBytes))),
            '',
            '',
            '',
            '',
        ])
        const paged = evaluateBudget({
            kind: 'check',
            label: `large project: no list request asks for more than a page (${LARGEST_PAGE}) or skips ahead`,
            pass: large.listRequests > 0 && large.largestLimit <= LARGEST_PAGE && large.withOffset.length === 0,
            detail: `largest limit ${large.largestLimit}; with an offset: ${large.withOffset.join(', ') || 'none'}`,
        })
        verdicts.push(paged)
        rows.push([
            'large project: biggest page asked · pages skipped',
            ...cell(`${large.largestLimit} rows · ${large.withOffset.length} (${large.listRequests} lists)`),
            '',
            '',
            `≤ ${LARGEST_PAGE} · 0`,
            paged.pass ? 'pass' : 'FAIL',
        ])
    }
    return { header, rows, verdicts, failed: verdicts.filter((verdict) => !verdict.pass) }
}
