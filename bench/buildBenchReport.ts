import { evaluateBudget, toRatio, type Budget, type BudgetVerdict } from './evaluateBudget.ts'
import { formatBytes, formatEventTimingMs, formatMegabytes, formatMs, formatRatio } from './formatTable.ts'
import type { RenderReport } from './installReactCommitProbe.ts'
import type { AssetSummary, RateSummary } from './summarizeRounds.ts'

export interface TargetSummary {
    assets: AssetSummary
    /** By CPU slowdown: 1 and 4. */
    rates: Record<number, RateSummary | undefined>
}

export interface BenchSummary {
    app: TargetSummary
    reference: TargetSummary
    /** React renders while typing, from a separate untimed pass. */
    renders: { app: RenderReport | undefined; reference: RenderReport | undefined; keys: number }
}

export interface BenchReport {
    header: string[]
    rows: string[][]
    verdicts: BudgetVerdict[]
    failed: BudgetVerdict[]
}

interface NumberRow {
    metric: string
    app: number
    reference: number
    format: (value: number) => string
    /** A budget: app ≤ maxRatio × reference. */
    maxRatio?: number
}

interface TextRow {
    metric: string
    app: string
    reference: string
}

interface CheckRow {
    metric: string
    app: string
    reference: string
    check: Budget & { kind: 'check' }
}

export const HEADER = ['metric', 'app', 'reference', 'app / ref', 'budget', 'result']

const NOTHING: RateSummary = {
    rounds: 0,
    readyMs: Number.NaN,
    heapUsedBytes: Number.NaN,
    keyMedianMs: Number.NaN,
    keyP95Ms: Number.NaN,
    keyInputDelayP95Ms: Number.NaN,
    eventP95Ms: Number.NaN,
    eventOverFloorShare: Number.NaN,
    mutationsOutside: Number.NaN,
    submitMs: Number.NaN,
    submitInPageMs: Number.NaN,
    calibrationMs: Number.NaN,
}

function formatRenders(report: RenderReport | undefined, keys: number): string {
    if (!report) return '–'
    const perKey = keys > 0 ? report.otherFieldRenders / keys : Number.NaN
    return `${report.otherFieldRenders} (${perKey.toFixed(1)}/key)`
}

// message field / a form or group around it / components without fields (preview, status lines)
function formatRenderSplit(report: RenderReport | undefined, keys: number): string {
    if (!report) return '–'
    const perKey = (count: number): string => (count / Math.max(1, keys)).toFixed(1)
    return [report.messageRenders, report.enclosingRenders, report.nonFieldRenders].map(perKey).join(' / ')
}

function rows(summary: BenchSummary): (NumberRow | CheckRow | TextRow)[] {
    const { app, reference } = summary
    const rate = (target: TargetSummary, cpu: number): RateSummary => target.rates[cpu] ?? NOTHING
    const list: (NumberRow | CheckRow | TextRow)[] = [
        {
            metric: 'initial JS, gzip',
            app: app.assets.initialJs.gzip,
            reference: reference.assets.initialJs.gzip,
            format: formatBytes,
            maxRatio: 1.1,
        },
        {
            metric: 'initial JS, brotli',
            app: app.assets.initialJs.brotli,
            reference: reference.assets.initialJs.brotli,
            format: formatBytes,
        },
        {
            metric: 'initial JS, raw',
            app: app.assets.initialJs.raw,
            reference: reference.assets.initialJs.raw,
            format: formatBytes,
        },
        {
            metric: 'initial CSS, gzip',
            app: app.assets.initialCss.gzip,
            reference: reference.assets.initialCss.gzip,
            format: formatBytes,
        },
        {
            metric: 'initial CSS, raw',
            app: app.assets.initialCss.raw,
            reference: reference.assets.initialCss.raw,
            format: formatBytes,
        },
        {
            metric: 'lazy JS + CSS, gzip',
            app: app.assets.lazyJs.gzip + app.assets.lazyCss.gzip,
            reference: reference.assets.lazyJs.gzip + reference.assets.lazyCss.gzip,
            format: formatBytes,
        },
    ]
    for (const cpu of [1, 4]) {
        list.push({
            metric: `ready to type, ${cpu}×`,
            app: rate(app, cpu).readyMs,
            reference: rate(reference, cpu).readyMs,
            format: formatMs,
            maxRatio: 1.1,
        })
    }
    for (const cpu of [1, 4]) {
        list.push(
            {
                metric: `keystroke→paint median, ${cpu}×`,
                app: rate(app, cpu).keyMedianMs,
                reference: rate(reference, cpu).keyMedianMs,
                format: formatMs,
            },
            {
                metric: `keystroke→paint p95, ${cpu}×`,
                app: rate(app, cpu).keyP95Ms,
                reference: rate(reference, cpu).keyP95Ms,
                format: formatMs,
                ...(cpu === 4 ? { maxRatio: 1.1 } : {}),
            },
            {
                metric: `Event Timing p95, ${cpu}×`,
                app: rate(app, cpu).eventP95Ms,
                reference: rate(reference, cpu).eventP95Ms,
                format: formatEventTimingMs,
            }
        )
    }
    const renders = summary.renders
    const otherRenders = renders.app?.otherFieldRenders
    list.push({
        metric: 'other fields re-rendered while typing',
        app: formatRenders(renders.app, renders.keys),
        reference: formatRenders(renders.reference, renders.keys),
        check: {
            kind: 'check',
            label: 'typing re-renders no field that did not change',
            pass: otherRenders === 0,
            detail: renders.app ? JSON.stringify(renders.app.otherFields) : 'not measured',
        },
    })
    list.push({
        metric: 'renders per key: message / around it / no field',
        app: formatRenderSplit(renders.app, renders.keys),
        reference: formatRenderSplit(renders.reference, renders.keys),
    })
    for (const cpu of [1, 4]) {
        list.push({
            metric: `DOM mutations outside message + preview, ${cpu}×`,
            app: rate(app, cpu).mutationsOutside,
            reference: rate(reference, cpu).mutationsOutside,
            format: (value) => (Number.isFinite(value) ? String(Math.round(value)) : '–'),
        })
    }
    for (const cpu of [1, 4]) {
        list.push({
            metric: `submit → request, ${cpu}×`,
            app: rate(app, cpu).submitMs,
            reference: rate(reference, cpu).submitMs,
            format: formatMs,
            maxRatio: 1.2,
        })
    }
    for (const cpu of [1, 4]) {
        list.push({
            metric: `JS heap after load, ${cpu}×`,
            app: rate(app, cpu).heapUsedBytes,
            reference: rate(reference, cpu).heapUsedBytes,
            format: formatMegabytes,
            ...(cpu === 1 ? { maxRatio: 1.3 } : {}),
        })
    }
    return list
}

/** The table (one row per metric, budgets inline) and the verdict of every budget. */
export function buildBenchReport(summary: BenchSummary): BenchReport {
    const verdicts: BudgetVerdict[] = []
    const table = rows(summary).map((row): string[] => {
        if (!('format' in row) && !('check' in row)) return [row.metric, row.app, row.reference, '', '', '']
        if ('check' in row) {
            const verdict = evaluateBudget(row.check)
            verdicts.push(verdict)
            return [row.metric, row.app, row.reference, '', 'none', verdict.pass ? 'pass' : 'FAIL']
        }
        const ratio = toRatio(row.app, row.reference)
        if (row.maxRatio === undefined) {
            return [row.metric, row.format(row.app), row.format(row.reference), formatRatio(ratio), '', '']
        }
        const verdict = evaluateBudget({
            kind: 'ratio',
            label: row.metric,
            app: row.app,
            reference: row.reference,
            maxRatio: row.maxRatio,
        })
        verdicts.push(verdict)
        return [
            row.metric,
            row.format(row.app),
            row.format(row.reference),
            formatRatio(ratio),
            `≤ ${row.maxRatio.toFixed(1)}×`,
            verdict.pass ? 'pass' : 'FAIL',
        ]
    })
    return { header: HEADER, rows: table, verdicts, failed: verdicts.filter((verdict) => !verdict.pass) }
}
