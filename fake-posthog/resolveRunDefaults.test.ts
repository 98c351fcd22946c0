import { describe, expect, it } from 'vitest'

import { createTestFake } from './createTestFake.ts'
import { applyRunDefaults, myTaskConfigResponse, resolveRunDefaults } from './resolveRunDefaults.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID, DEMO_TASK_IDS } from './seedData.ts'

const USER = { runtime_adapter: 'claude', model: 'claude-sonnet-4-6', reasoning_effort: 'medium' } as const
const TEAM = { runtime_adapter: 'claude', model: 'claude-opus-4-5', reasoning_effort: null } as const

describe('resolveRunDefaults', () => {
    it.each([
        ['the user wins as a whole', { user: USER, team: TEAM }, { ...USER, source: 'user' }],
        ['then the team', { team: TEAM }, { ...TEAM, source: 'team' }],
        ['then none', {}, { runtime_adapter: null, model: null, reasoning_effort: null, source: 'none' }],
    ])('%s', (_name, setting, expected) => {
        expect(resolveRunDefaults(setting)).toEqual(expected)
    })
})

describe('applyRunDefaults', () => {
    const defaults = resolveRunDefaults({ user: USER })
    it.each([
        [
            'fills adapter, model and effort',
            {},
            { runtime_adapter: 'claude', model: 'claude-sonnet-4-6', reasoning_effort: 'medium' },
        ],
        [
            'an explicit effort survives',
            { reasoning_effort: 'high' },
            { runtime_adapter: 'claude', model: 'claude-sonnet-4-6', reasoning_effort: 'high' },
        ],
        ['a pinned model is used as sent', { model: 'claude-opus-4-5' }, { model: 'claude-opus-4-5' }],
        ['a pinned adapter is used as sent', { runtime_adapter: 'claude' }, { runtime_adapter: 'claude' }],
    ])('%s', (_name, settings, expected) => {
        expect(applyRunDefaults(settings, defaults)).toEqual(expected)
    })

    it('leaves a body alone when nothing resolves', () => {
        expect(applyRunDefaults({}, resolveRunDefaults({}))).toEqual({})
    })

    it('a default without an effort fills none', () => {
        expect(applyRunDefaults({}, resolveRunDefaults({ team: TEAM }))).toEqual({
            runtime_adapter: 'claude',
            model: 'claude-opus-4-5',
        })
    })
})

describe('myTaskConfigResponse', () => {
    it('says the stored preference and the resolved defaults, nulls when unset', () => {
        expect(myTaskConfigResponse({ team: TEAM })).toEqual({
            ai_run_preferences: { runtime_adapter: null, model: null, reasoning_effort: null },
            resolved_ai_run_defaults: { ...TEAM, source: 'team' },
            agent_instructions: null,
        })
    })
})

const TASKS = `/api/projects/${DEMO_PROJECT_ID}/tasks`
const CONFIG = `${TASKS}/@me/config/`

describe('GET tasks/@me/config/', () => {
    it('answers a task:read key with the resolved defaults, CORS like the others', async () => {
        const { call } = createTestFake({ runDefaults: { user: USER } })
        const response = await call('GET', CONFIG, { key: DEMO_KEYS.readOnly, headers: { origin: 'http://app.test' } })
        expect(response.status).toBe(200)
        expect(response.headers.get('access-control-allow-origin')).toBe('http://app.test')
        expect(response.json).toMatchObject({ resolved_ai_run_defaults: { ...USER, source: 'user' } })
    })

    it.each([
        ['no key', null, 403],
        ['a key for another project', DEMO_KEYS.otherProject, 403],
    ])('refuses %s', async (_name, key, status) => {
        const { call } = createTestFake({ runDefaults: { user: USER } })
        expect((await call('GET', CONFIG, { key })).status).toBe(status)
    })

    it('says none when nothing is saved', async () => {
        const { call } = createTestFake()
        expect((await call('GET', CONFIG)).json).toMatchObject({ resolved_ai_run_defaults: { source: 'none' } })
    })
})

describe('a run body without model or adapter', () => {
    const RUN = `${TASKS}/${DEMO_TASK_IDS.flakyLoginTest}/run/`

    it('runs with the saved defaults and records their source', async () => {
        const { call } = createTestFake({ runDefaults: { team: USER } })
        const response = await call('POST', RUN, { json: { mode: 'background' } })
        expect(response.status).toBe(200)
        expect(response.json).toMatchObject({
            latest_run: {
                model: 'claude-sonnet-4-6',
                runtime_adapter: 'claude',
                reasoning_effort: 'medium',
                state: { ai_defaults_source: 'team' },
            },
        })
    })

    it('a pinned model ignores the defaults', async () => {
        const { call } = createTestFake({ runDefaults: { user: USER } })
        const json = { runtime_adapter: 'claude', model: 'claude-opus-4-5' }
        const response = await call('POST', RUN, { json })
        expect(response.json).toMatchObject({
            latest_run: { model: 'claude-opus-4-5', reasoning_effort: null, state: { ai_defaults_source: 'none' } },
        })
    })
})
