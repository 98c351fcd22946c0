import { describe, expect, it } from 'vitest'

import { TaskRunSchema, TaskSchema } from './postHogSchemas.ts'
import { isTerminalRunStatus, latestRunOf, readPullRequestUrl } from './runStatus.ts'

describe('isTerminalRunStatus', () => {
    it.each<[string | undefined, boolean]>([
        ['completed', true],
        ['failed', true],
        ['cancelled', true],
        ['queued', false],
        ['in_progress', false],
        ['not_started', false],
        ['something_new', false],
        [undefined, false],
    ])('%s → %s', (status, terminal) => {
        expect(isTerminalRunStatus(status)).toBe(terminal)
    })
})

describe('latestRunOf', () => {
    it.each<[string, unknown, string | undefined, boolean]>([
        ['a run object', { id: 'r1', status: 'queued' }, 'r1', true],
        ['a bare id', 'r2', 'r2', false],
        ['an empty id', '', undefined, false],
        ['null', null, undefined, false],
        ['a run without an id', { status: 'queued' }, undefined, false],
        ['a number', 7, undefined, false],
    ])('%s', (_name, latestRun, runId, hasRun) => {
        const task = TaskSchema.parse({ id: 't', latest_run: latestRun })
        const result = latestRunOf(task)
        expect(result.runId).toBe(runId)
        expect(result.run !== undefined).toBe(hasRun)
    })
})

describe('readPullRequestUrl', () => {
    it.each<[unknown, string | undefined]>([
        [{ pr_url: 'https://github.com/acme/web/pull/1' }, 'https://github.com/acme/web/pull/1'],
        [{ pr_url: 'javascript:alert(1)' }, undefined],
        [{ pr_url: 'http://github.com/acme/web/pull/1' }, undefined],
        [{ pr_url: 'not a url' }, undefined],
        [{ pr_url: 42 }, undefined],
        [{}, undefined],
        [null, undefined],
        ['a string', undefined],
    ])('%j → %s', (output, url) => {
        expect(readPullRequestUrl(TaskRunSchema.parse({ id: 'r', output }))).toBe(url)
    })
})
