import { describe, expect, it } from 'vitest'

import { buildRunLink, EU_CLOUD, isHostAllowed, normalizeHost, US_CLOUD } from './postHogHosts.ts'

describe('normalizeHost', () => {
    it.each<[string, string, string | undefined]>([
        ['https://us.posthog.com', US_CLOUD, undefined],
        ['https://eu.posthog.com/', EU_CLOUD, undefined],
        ['  https://EU.PostHog.com  ', EU_CLOUD, undefined],
        ['us.posthog.com', US_CLOUD, undefined],
        ['https://us.posthog.com/project/12345', US_CLOUD, '12345'],
        ['https://eu.posthog.com/project/777/tasks/abc?runId=1#x', EU_CLOUD, '777'],
        ['https://posthog.example.com/some/path?q=1', 'https://posthog.example.com', undefined],
        ['https://posthog.example.com:8443/', 'https://posthog.example.com:8443', undefined],
        ['https://app.posthog.com/project/2', US_CLOUD, '2'],
        ['http://localhost:8000', 'http://localhost:8000', undefined],
        ['localhost:8010/project/1', 'http://localhost:8010', '1'],
        ['http://127.0.0.1:8000/', 'http://127.0.0.1:8000', undefined],
        ['http://[::1]:8000', 'http://[::1]:8000', undefined],
        ['https://localhost', 'https://localhost', undefined],
    ])('%s → %s', (input, host, projectId) => {
        const result = normalizeHost(input)
        expect(result).toEqual(projectId === undefined ? { ok: true, host } : { ok: true, host, projectId })
    })

    it.each<[string, RegExp]>([
        ['', /Enter the address/],
        ['   ', /Enter the address/],
        ['http://posthog.example.com', /https:\/\//],
        ['http://us.posthog.com', /https:\/\//],
        ['ftp://posthog.example.com', /https:\/\//],
        ['https://us.i.posthog.com', /only receives events.*https:\/\/us\.posthog\.com.*US Cloud/],
        ['eu.i.posthog.com', /only receives events.*https:\/\/eu\.posthog\.com.*EU Cloud/],
        ['https://i.posthog.com', /only receives events/],
        ['https://eu-assets.i.posthog.com', /only receives events.*EU/],
        ['https://posthog.com', /website/],
        ['https://www.posthog.com/docs', /website/],
        ['https://user:pass@posthog.example.com', /user name and password/],
        ['https://', /not a web address/],
        ['http://exa mple.com', /not a web address/],
    ])('refuses %j', (input, message) => {
        const result = normalizeHost(input)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.message).toMatch(message)
    })
})

describe('buildRunLink', () => {
    it.each<[string, string, string, string, string]>([
        [US_CLOUD, '12', 't-1', 'r-1', 'https://us.posthog.com/project/12/tasks/t-1?runId=r-1'],
        ['https://eu.posthog.com/', '3', 'a b', 'r/2', 'https://eu.posthog.com/project/3/tasks/a%20b?runId=r%2F2'],
    ])('%s', (host, project, task, run, link) => {
        expect(buildRunLink(host, project, task, run)).toBe(link)
    })
})

describe('isHostAllowed', () => {
    const list = ['https://us.posthog.com', 'https://posthog.example.com:8443', 'http://127.0.0.1:*']
    it.each<[string, boolean]>([
        [US_CLOUD, true],
        [EU_CLOUD, false],
        ['https://posthog.example.com:8443', true],
        ['https://posthog.example.com', false],
        ['http://127.0.0.1:5301', true],
        ['http://127.0.0.1', true],
        ['http://localhost:5301', false],
        ['https://127.0.0.1:5301', false],
        ['http://127.0.0.1.evil.example', false],
        ['http://127.0.0.1:5301.evil.example', false],
    ])('%s → %s', (origin, allowed) => {
        expect(isHostAllowed(origin, list)).toBe(allowed)
    })

    it('allows nothing from an empty list', () => {
        expect(isHostAllowed(US_CLOUD, [])).toBe(false)
    })
})
