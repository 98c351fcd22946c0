import { describe, expect, it } from 'vitest'

import { buildConnectedReport, medianPhase, type ConnectedSummary } from './buildConnectedReport.ts'
import type { ConnectedRound, PhaseResult } from './measureConnected.ts'

function phase(roundTrips: number, ms = 100): PhaseResult {
    return { ms, roundTrips, requests: roundTrips * 2, preflights: roundTrips, bytes: 1000 }
}

function round(rttMs: number, connect: number, startRun: number, duplicates: string[] = []): ConnectedRound {
    return {
        rttMs,
        phases: { connect: phase(connect), chooseTask: phase(2), startRun: phase(startRun) },
        duplicates,
        heapUsedBytes: 5 * 2 ** 20,
        timeline: [],
    }
}

function summary(rounds: ConnectedRound[], typing = { beforeMs: [16, 16, 17], loadingMs: [16, 16, 17] }) {
    const byRtt = new Map<number, ConnectedRound[]>()
    for (const entry of rounds) byRtt.set(entry.rttMs, [...(byRtt.get(entry.rttMs) ?? []), entry])
    const result: ConnectedSummary = { rounds: byRtt, typing: { ...typing, rttMs: 150 }, large: undefined }
    return result
}

describe('buildConnectedReport', () => {
    it('passes at the floor, with the floor and the distance from it beside each figure', () => {
        const report = buildConnectedReport(summary([round(0, 3, 1), round(150, 2, 1)]))
        expect(report.failed).toEqual([])
        expect(report.header).toEqual([
            'connected path',
            '0 ms RTT',
            '150 ms RTT',
            'floor',
            'over floor',
            'budget',
            'result',
        ])
        expect(report.rows[0]).toEqual([
            '“Check connection” → ready to start',
            '100 ms · 3 RT',
            '100 ms · 2 RT',
            '2 RT = 300 ms',
            '+0 RT',
            '≤ +2 RT',
            'pass',
        ])
    })

    it.each([
        ['ready to start 3 RT over the floor', [round(150, 5, 1)], 'ready to start'],
        ['the run shown 2 RT over the floor', [round(150, 2, 3)], 'run shown'],
        ['something fetched twice', [round(150, 2, 1, ['GET https://ph.test/a ×2'])], 'nothing fetched twice'],
    ])('fails for %s', (_name, rounds, label) => {
        const report = buildConnectedReport(summary(rounds))
        expect(report.failed.map((verdict) => verdict.label)).toEqual([expect.stringContaining(label)])
    })

    it('fails when typing slows down while loading', () => {
        const report = buildConnectedReport(summary([round(150, 2, 1)], { beforeMs: [16, 16], loadingMs: [16, 40] }))
        expect(report.failed.map((verdict) => verdict.label)).toEqual([expect.stringContaining('keystroke')])
    })

    it('judges the round trips at the highest RTT, where waiting shows', () => {
        expect(buildConnectedReport(summary([round(0, 9, 9), round(150, 2, 1)])).failed).toEqual([])
    })

    it('takes medians field by field', () => {
        const rounds = [round(150, 2, 1), round(150, 4, 1), round(150, 3, 1)]
        expect(medianPhase(rounds, 'connect')).toMatchObject({ roundTrips: 3, requests: 6 })
    })
})
