// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'

import { DEMO_KEYS, DEMO_PROJECT_ID } from '../../fake-posthog/seedData.ts'
import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { createPostHogClient } from './createPostHogClient.ts'
import { MyTaskConfigSchema, runDefaultsQueryOptions, toRunDefaults } from './runDefaultsQueryOptions.ts'

const SONNET = { runtime_adapter: 'claude', model: 'claude-sonnet-4-6', reasoning_effort: 'medium' } as const

describe('toRunDefaults', () => {
    it.each<[string, unknown, ReturnType<typeof toRunDefaults>]>([
        [
            "the user's default",
            { resolved_ai_run_defaults: { ...SONNET, source: 'user' } },
            { runtimeAdapter: 'claude', model: 'claude-sonnet-4-6', reasoningEffort: 'medium', source: 'user' },
        ],
        [
            "the team's default without an effort",
            { resolved_ai_run_defaults: { ...SONNET, reasoning_effort: null, source: 'team' } },
            { runtimeAdapter: 'claude', model: 'claude-sonnet-4-6', reasoningEffort: undefined, source: 'team' },
        ],
        [
            'nothing saved',
            {
                resolved_ai_run_defaults: {
                    runtime_adapter: null,
                    model: null,
                    reasoning_effort: null,
                    source: 'none',
                },
            },
            undefined,
        ],
        [
            'a Codex default (this app starts Claude runs)',
            { resolved_ai_run_defaults: { runtime_adapter: 'codex', model: 'gpt-5', source: 'user' } },
            undefined,
        ],
        ['an older tasks/config/ shape', { ai_run_preferences: SONNET, email_inbox_address: null }, undefined],
        ['a malformed block', { resolved_ai_run_defaults: 'claude' }, undefined],
        ['an unknown source', { resolved_ai_run_defaults: { ...SONNET, source: 'org' } }, undefined],
    ])('%s', (_name, body, expected) => {
        const parsed = MyTaskConfigSchema.safeParse(body)
        expect(parsed.success).toBe(true)
        expect(toRunDefaults(parsed.success ? parsed.data : null)).toEqual(expected)
    })

    it('a missing endpoint (null) has no defaults', () => {
        expect(toRunDefaults(null)).toBeUndefined()
    })
})

describe('runDefaultsQueryOptions against the fake PostHog', () => {
    let fake: FakePostHog | undefined
    afterEach(async () => {
        await fake?.close()
    })

    it.each([
        ['a saved default', { user: SONNET }, 'claude-sonnet-4-6'],
        ['none saved', {}, undefined],
    ])('reads %s cross-origin', async (_name, runDefaults, model) => {
        fake = await startFakePostHog({ runDefaults })
        const client = createPostHogClient({
            host: fake.origin,
            projectId: String(DEMO_PROJECT_ID),
            apiKey: DEMO_KEYS.readOnly,
        })
        const defaults = await new QueryClient().query(runDefaultsQueryOptions(client))
        expect(defaults?.model).toBe(model)
        expect(fake.requests.map((request) => request.path)).toContain(
            `/api/projects/${DEMO_PROJECT_ID}/tasks/@me/config/`
        )
    })
})
