import { describe, expect, it } from 'vitest'

import { buildBenchReport, type BenchSummary, type TargetSummary } from './buildBenchReport.ts'
import type { RenderReport } from './installReactCommitProbe.ts'
import type { RateSummary } from './summarizeRounds.ts'

function rate(overrides: Partial<RateSummary> = {}): RateSummary {
    return {
        rounds: 3,
        readyMs: 200,
        heapUsedBytes: 2_000_000,
        keyMedianMs: 12,
        keyP95Ms: 20,
        keyInputDelayP95Ms: 1,
        eventP95Ms: 0,
        eventOverFloorShare: 0,
        mutationsOutside: 0,
        submitMs: 5,
        submitInPageMs: 5,
        calibrationMs: 10,
        ...overrides,
    }
}

function target(jsGzip: number, rates: Partial<RateSummary> = {}): TargetSummary {
    const bytes = { raw: jsGzip * 3, gzip: jsGzip, brotli: jsGzip * 0.9 }
    const none = { raw: 0, gzip: 0, brotli: 0 }
    return {
        assets: { initialJs: bytes, initialCss: none, lazyJs: none, lazyCss: none, initialFiles: [], lazyFiles: [] },
        rates: { 1: rate(rates), 4: rate(rates) },
    }
}

function renders(otherFieldRenders: number): RenderReport {
    return {
        commits: 10,
        componentRenders: 20,
        messageRenders: 0,
        enclosingRenders: 0,
        otherFieldRenders,
        otherFields: otherFieldRenders > 0 ? { Branch: otherFieldRenders } : {},
        nonFieldRenders: 20 - otherFieldRenders,
    }
}

function summary(app: TargetSummary, appRenders = renders(0)): BenchSummary {
    return { app, reference: target(100_000), renders: { app: appRenders, reference: renders(0), keys: 10 } }
}

function row(rows: string[][], metric: string): string[] | undefined {
    return rows.find((cells) => cells[0] === metric)
}

describe('buildBenchReport', () => {
    it('passes every budget when the app costs what the reference costs', () => {
        const report = buildBenchReport(summary(target(100_000)))
        expect(report.failed).toEqual([])
        expect(report.verdicts.map((verdict) => verdict.label)).toEqual([
            'initial JS, gzip',
            'ready to type, 1×',
            'ready to type, 4×',
            'keystroke→paint p95, 4×',
            'typing re-renders no field that did not change',
            'submit → request, 1×',
            'submit → request, 4×',
            'JS heap after load, 1×',
        ])
        expect(report.rows.every((cells) => cells.length === report.header.length)).toBe(true)
    })

    it('fails the bundle budget above 1.1× and shows the ratio', () => {
        const report = buildBenchReport(summary(target(134_000)))
        expect(row(report.rows, 'initial JS, gzip')).toEqual([
            'initial JS, gzip',
            '130.9 KB',
            '97.7 KB',
            '1.34×',
            '≤ 1.1×',
            'FAIL',
        ])
        expect(report.failed.map((verdict) => verdict.label)).toEqual(['initial JS, gzip'])
    })

    it('holds each metric to its own limit', () => {
        const report = buildBenchReport(
            summary(target(100_000, { submitMs: 6, heapUsedBytes: 2_700_000, keyP95Ms: 23, readyMs: 219 }))
        )
        // submit 1.2× and heap 1.35× : only the heap breaks; keystrokes 1.15× and ready 1.095×
        expect(report.failed.map((verdict) => verdict.label)).toEqual([
            'keystroke→paint p95, 4×',
            'JS heap after load, 1×',
        ])
    })

    it('fails the render check when typing re-renders other fields, and names them', () => {
        const report = buildBenchReport(summary(target(100_000), renders(30)))
        expect(row(report.rows, 'other fields re-rendered while typing')).toEqual([
            'other fields re-rendered while typing',
            '30 (3.0/key)',
            '0 (0.0/key)',
            '',
            'none',
            'FAIL',
        ])
        expect(report.failed[0]).toMatchObject({ kind: 'check', detail: '{"Branch":30}' })
    })

    it('fails a budget it could not measure', () => {
        const report = buildBenchReport(summary(target(100_000, { submitMs: Number.NaN })))
        expect(row(report.rows, 'submit → request, 4×')).toEqual([
            'submit → request, 4×',
            '–',
            '5.0 ms',
            '–',
            '≤ 1.2×',
            'FAIL',
        ])
    })
})
