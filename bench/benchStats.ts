// Order statistics for benchmark samples; NaN when there is nothing to summarise.

/** The p-th percentile (0–100), interpolated linearly between the closest ranks (numpy's default). */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0 || p < 0 || p > 100) return Number.NaN
    const sorted = [...values].sort((a, b) => a - b)
    const rank = (p / 100) * (sorted.length - 1)
    const low = Math.floor(rank)
    const high = Math.ceil(rank)
    const lowValue = sorted[low] ?? Number.NaN
    const highValue = sorted[high] ?? Number.NaN
    return lowValue + (highValue - lowValue) * (rank - low)
}

export function median(values: readonly number[]): number {
    return percentile(values, 50)
}

export function p95(values: readonly number[]): number {
    return percentile(values, 95)
}
