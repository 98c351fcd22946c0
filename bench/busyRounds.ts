import { median } from './benchStats.ts'

/** A page-round whose throttle check ran this much slower than usual at its CPU rate ran on a busier machine. */
export const BUSY_TOLERANCE = 1.15

export interface CalibratedRound {
    cpuRate: number
    /** The fixed busy loop run in the page at the end of the round. */
    calibrationMs: number
}

/**
 * Indices of the rounds whose throttle check took over `tolerance` times the median of all rounds at the same CPU
 * rate (both pages): the same loop of fixed work ran slower, so whatever the round timed ran on a busier machine.
 */
export function busyRounds(rounds: readonly CalibratedRound[], tolerance = BUSY_TOLERANCE): number[] {
    const usual = new Map<number, number>()
    for (const cpuRate of new Set(rounds.map((round) => round.cpuRate))) {
        const times = rounds.filter((round) => round.cpuRate === cpuRate).map((round) => round.calibrationMs)
        usual.set(cpuRate, median(times.filter(Number.isFinite)))
    }
    return rounds.flatMap((round, index) => {
        const typical = usual.get(round.cpuRate) ?? Number.NaN
        return round.calibrationMs > typical * tolerance ? [index] : []
    })
}
