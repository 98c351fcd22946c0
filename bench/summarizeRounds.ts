import { median, p95 } from './benchStats.ts'
import { addSizes, splitAssets, type ByteSizes } from './measureAssets.ts'
import type { RoundResult } from './measureRound.ts'

export interface RateSummary {
    rounds: number
    readyMs: number
    heapUsedBytes: number
    /** Keystroke → next paint (rAF method), per-round median and p95, then the median over rounds. */
    keyMedianMs: number
    keyP95Ms: number
    /** Keystroke → first keydown listener: how long the key waited for the main thread (p95). */
    keyInputDelayP95Ms: number
    /** Event Timing p95; keys under the 16 ms reporting floor count as 0. */
    eventP95Ms: number
    /** Share of keys whose Event Timing duration reached 16 ms. */
    eventOverFloorShare: number
    mutationsOutside: number
    submitMs: number
    submitInPageMs: number
    calibrationMs: number
}

export interface AssetSummary {
    initialJs: ByteSizes
    initialCss: ByteSizes
    lazyJs: ByteSizes
    lazyCss: ByteSizes
    /** Files of the first round, for the report. */
    initialFiles: string[]
    lazyFiles: string[]
}

function medianOf(rounds: readonly RoundResult[], pick: (round: RoundResult) => number | undefined): number {
    return median(rounds.map(pick).filter((value): value is number => value !== undefined && Number.isFinite(value)))
}

function keyLatencies(round: RoundResult): number[] {
    return (round.typing?.keys ?? []).flatMap((key) =>
        key.paintTime === undefined ? [] : [key.paintTime - key.eventTime]
    )
}

function eventDurations(round: RoundResult): number[] {
    const typing = round.typing
    if (!typing) return []
    const missing = Math.max(0, typing.keys.length - typing.eventDurations.length)
    return [...typing.eventDurations, ...Array<number>(missing).fill(0)]
}

/** Medians over the rounds of one target at one CPU rate. */
export function summarizeRate(rounds: readonly RoundResult[]): RateSummary {
    const typed = rounds.filter((round) => round.typing !== undefined)
    return {
        rounds: rounds.length,
        // every load counts: the round's own and its extra ready-only loads
        readyMs: median(
            rounds.flatMap((round) => [round.readyMs, ...round.extraReadyMs]).filter((value) => Number.isFinite(value))
        ),
        heapUsedBytes: medianOf(rounds, (round) => round.heapUsedBytes),
        keyMedianMs: medianOf(typed, (round) => median(keyLatencies(round))),
        keyP95Ms: medianOf(typed, (round) => p95(keyLatencies(round))),
        keyInputDelayP95Ms: medianOf(typed, (round) =>
            p95((round.typing?.keys ?? []).map((key) => key.handlerTime - key.eventTime))
        ),
        eventP95Ms: medianOf(typed, (round) => p95(eventDurations(round))),
        eventOverFloorShare: medianOf(typed, (round) =>
            round.typing && round.typing.keys.length > 0
                ? round.typing.eventDurations.length / round.typing.keys.length
                : undefined
        ),
        mutationsOutside: medianOf(typed, (round) => round.typing?.mutationsOutside),
        submitMs: medianOf(rounds, (round) => round.submitMs),
        submitInPageMs: medianOf(rounds, (round) => round.submitInPageMs),
        calibrationMs: medianOf(rounds, (round) => round.calibrationMs),
    }
}

/** Initial and lazy script/style bytes, the median over rounds (the split can move when a lazy chunk races ready). */
export function summarizeAssets(rounds: readonly RoundResult[], sizeOf: (pathname: string) => ByteSizes): AssetSummary {
    const splits = rounds.map((round) => splitAssets(round.resources, round.pageOrigin, round.readyMs))
    const total = (pick: (split: (typeof splits)[number]) => string[]): ByteSizes => {
        const sums = splits.map((split) => addSizes(pick(split).map(sizeOf)))
        return {
            raw: median(sums.map((sum) => sum.raw)),
            gzip: median(sums.map((sum) => sum.gzip)),
            brotli: median(sums.map((sum) => sum.brotli)),
        }
    }
    const first = splits[0]
    return {
        initialJs: total((split) => split.initialJs),
        initialCss: total((split) => split.initialCss),
        lazyJs: total((split) => split.lazyJs),
        lazyCss: total((split) => split.lazyCss),
        initialFiles: first ? [...first.initialJs, ...first.initialCss] : [],
        lazyFiles: first ? [...first.lazyJs, ...first.lazyCss] : [],
    }
}
