import { describe, expect, it } from 'vitest'

import { addRecentRun, MAX_RECENT_RUNS, parseRecentRuns, type RecentRun } from './runHistory.ts'

function run(runId: string): RecentRun {
    return {
        host: 'https://us.posthog.com',
        linkHost: 'https://us.posthog.com',
        projectId: '1',
        taskId: 't',
        taskTitle: 'Fix it',
        runId,
        model: 'claude-sonnet-5',
        branch: undefined,
        startedAt: 1,
    }
}

describe('run history', () => {
    it('keeps the newest runs first, once each, up to the limit', () => {
        let runs: RecentRun[] = []
        for (let index = 0; index < MAX_RECENT_RUNS + 3; index++) runs = addRecentRun(runs, run(`r${index}`))
        runs = addRecentRun(runs, run('r5'))
        expect(runs).toHaveLength(MAX_RECENT_RUNS)
        expect(runs[0]?.runId).toBe('r5')
        expect(runs.filter((entry) => entry.runId === 'r5')).toHaveLength(1)
    })

    it.each([null, 'garbage', '{}', '[1, "x", null]'])('reads %s as no history', (text) => {
        expect(parseRecentRuns(text)).toEqual([])
    })

    it('round-trips and drops corrupt entries', () => {
        const text = JSON.stringify([run('a'), { runId: 'b' }, run('c')])
        expect(parseRecentRuns(text).map((entry) => entry.runId)).toEqual(['a', 'c'])
    })
})
