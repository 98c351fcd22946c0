import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { createTestFake } from './createTestFake.ts'
import { buildWarmRunUnavailableRule } from './FakeTraffic.ts'
import {
    DEMO_CUSTOM_IMAGE_IDS,
    DEMO_KEYS,
    DEMO_PROJECT_ID,
    DEMO_RUN_IDS,
    DEMO_SANDBOX_ENVIRONMENT_IDS,
    DEMO_SIGNAL_REPORT_IDS,
    DEMO_TASK_IDS,
    OTHER_USER_ID,
} from './seedData.ts'

const TASKS = `/api/projects/${DEMO_PROJECT_ID}/tasks`
const RUN = `${TASKS}/${DEMO_TASK_IDS.flakyLoginTest}/run/`
const CLAUDE = { runtime_adapter: 'claude', model: 'claude-sonnet-5', reasoning_effort: 'high' }
const TOKEN = 'ghp_secretTokenThatMustNeverComeBack'

const runSchema = z
    .object({
        id: z.string(),
        status: z.string(),
        state: z.record(z.string(), z.unknown()),
        error_message: z.string().nullable(),
    })
    .loose()
const taskSchema = z.object({ id: z.string(), latest_run: runSchema }).loose()

describe('POST tasks/{id}/run/', () => {
    it('starts a queued cloud run and answers 200 with the task, never echoing the token', async () => {
        const { call, traffic } = createTestFake()
        const body = {
            ...CLAUDE,
            mode: 'interactive',
            branch: 'fix/login',
            pending_user_message: '  Look at the cookie wait.  ',
            pr_authorship_mode: 'user',
            github_user_token: TOKEN,
            initial_permission_mode: 'plan',
        }
        const response = await call('POST', RUN, { json: body })
        expect(response.status).toBe(200)
        expect(response.text).not.toContain(TOKEN)
        const task = taskSchema.parse(response.json)
        expect(task.id).toBe(DEMO_TASK_IDS.flakyLoginTest)
        expect(task.latest_run).toMatchObject({
            status: 'queued',
            environment: 'cloud',
            branch: 'fix/login',
            runtime_adapter: 'claude',
            model: 'claude-sonnet-5',
            reasoning_effort: 'high',
            state: {
                mode: 'interactive',
                pending_user_message: 'Look at the cookie wait.',
                pr_authorship_mode: 'user',
                github_credential_source: 'caller_token',
                initial_permission_mode: 'plan',
            },
        })
        expect(traffic.requests.at(-1)?.json).toEqual(body)
        const runs = await call('GET', `${TASKS}/${DEMO_TASK_IDS.flakyLoginTest}/runs/`)
        expect(runs.text).not.toContain(TOKEN)
    })

    it('resolves the default model when the body selects no runtime', async () => {
        const { call } = createTestFake()
        const response = await call('POST', RUN, { json: { pending_user_message: 'go' } })
        expect(taskSchema.parse(response.json).latest_run).toMatchObject({ model: 'claude-sonnet-5', branch: null })
    })

    it('takes a permission mode without an adapter, clamped to the runtime the run resolves to', async () => {
        const { call } = createTestFake()
        const response = await call('POST', RUN, { json: { initial_permission_mode: 'read-only' } })
        expect(response.status).toBe(200)
        expect(taskSchema.parse(response.json).latest_run).toMatchObject({
            runtime_adapter: 'claude',
            state: { initial_permission_mode: 'default' },
        })
    })

    it('inherits the previous run’s settings on resume', async () => {
        const { call } = createTestFake()
        const response = await call('POST', RUN, { json: { resume_from_run_id: DEMO_RUN_IDS.flakyLoginFailed } })
        expect(taskSchema.parse(response.json).latest_run).toMatchObject({
            model: 'claude-opus-4-5',
            reasoning_effort: 'high',
            branch: 'main',
            state: { resume_from_run_id: DEMO_RUN_IDS.flakyLoginFailed },
        })
    })

    it('re-checks the effort after resume inheritance', async () => {
        const { call } = createTestFake()
        const response = await call('POST', RUN, {
            json: {
                resume_from_run_id: DEMO_RUN_IDS.flakyLoginCompleted,
                runtime_adapter: 'claude',
                model: 'claude-opus-4-5',
            },
        })
        expect(response.status).toBe(400)
        expect(response.json).toMatchObject({ code: 'invalid_input', attr: 'reasoning_effort' })
    })

    it.each([
        ['an unknown task', `${TASKS}/0196a1b2-0001-7000-8000-0000000000ff/run/`, {}],
        ['a task of another project', `${TASKS}/${DEMO_TASK_IDS.otherProjectCerts}/run/`, {}],
        ['a task id that is not a uuid', `${TASKS}/nope/run/`, { mode: 'bogus' }],
    ])('answers 404 for %s, before validating the body', async (_name, path, json) => {
        const { call } = createTestFake()
        const response = await call('POST', path, { json })
        expect(response.status).toBe(404)
        expect(response.json).toEqual({ type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null })
    })

    it('answers 404 for a task the caller did not create', async () => {
        const { call, state } = createTestFake()
        const task = state.tasks.find((candidate) => candidate.id === DEMO_TASK_IDS.darkMode)
        if (task !== undefined) {
            task.createdById = OTHER_USER_ID
        }
        const response = await call('POST', `${TASKS}/${DEMO_TASK_IDS.darkMode}/run/`, { json: {} })
        expect(response.status).toBe(404)
    })

    it('refuses a body that is not JSON', async () => {
        const { call } = createTestFake()
        const response = await call('POST', RUN, { body: '{"mode":', headers: { 'content-type': 'application/json' } })
        expect(response.status).toBe(400)
        expect(response.json).toMatchObject({ type: 'invalid_request', code: 'parse_error', attr: null })
        const text = await call('POST', RUN, { body: 'hello', headers: { 'content-type': 'text/plain' } })
        expect(text.status).toBe(415)
    })

    it('validates the body and reports the first error', async () => {
        const { call } = createTestFake()
        const response = await call('POST', RUN, {
            json: { runtime_adapter: 'claude', model: 'claude-sonnet-4-6', reasoning_effort: 'max' },
        })
        expect(response.status).toBe(400)
        expect(response.json).toEqual({
            type: 'validation_error',
            code: 'invalid_input',
            detail: "Reasoning effort 'max' is not supported for runtime_adapter 'claude' and model 'claude-sonnet-4-6'. Supported values: low, medium, high.",
            attr: 'reasoning_effort',
        })
    })

    it.each([
        [
            'a run of another task',
            { resume_from_run_id: DEMO_RUN_IDS.csvExportCompleted },
            { detail: 'Invalid resume_from_run_id' },
        ],
        [
            'an unknown sandbox environment',
            { sandbox_environment_id: '0196a1b2-0003-7000-8000-0000000000ff' },
            { detail: 'Invalid sandbox_environment_id' },
        ],
        [
            'another user’s private sandbox environment',
            { sandbox_environment_id: DEMO_SANDBOX_ENVIRONMENT_IDS.otherUserPrivate },
            { detail: 'Invalid sandbox_environment_id' },
        ],
        [
            'a sandbox environment of another project',
            { sandbox_environment_id: DEMO_SANDBOX_ENVIRONMENT_IDS.otherProject },
            { detail: 'Invalid sandbox_environment_id' },
        ],
        [
            'an unknown custom image',
            { custom_image_id: '0196a1b2-0006-7000-8000-0000000000ff' },
            { detail: 'Invalid custom_image_id' },
        ],
        [
            'a custom image still building',
            { custom_image_id: DEMO_CUSTOM_IMAGE_IDS.building },
            { detail: 'Custom image is not ready (status: building)' },
        ],
        [
            'unknown staged artifacts',
            { pending_user_artifact_ids: ['nope-1', 'nope-2'] },
            {
                detail: 'Some pending_user_artifact_ids are invalid or expired',
                missing_artifact_ids: ['nope-1', 'nope-2'],
            },
        ],
    ])('refuses %s with the facade’s own body', async (_name, json, body) => {
        const { call } = createTestFake()
        const response = await call('POST', RUN, { json })
        expect(response.status).toBe(400)
        expect(response.json).toEqual(body)
    })

    it('accepts a sandbox environment and a ready custom image', async () => {
        const { call } = createTestFake()
        const json = {
            sandbox_environment_id: DEMO_SANDBOX_ENVIRONMENT_IDS.payments,
            custom_image_id: DEMO_CUSTOM_IMAGE_IDS.ready,
        }
        const response = await call('POST', RUN, { json })
        expect(response.status).toBe(200)
        expect(taskSchema.parse(response.json).latest_run.state).toMatchObject(json)
    })

    describe('PR authorship', () => {
        const GITHUB_REQUIRED = {
            type: 'validation_error',
            code: 'github_authorization_required',
            detail: 'Link a GitHub account with repo access before running user-authored cloud tasks.',
            attr: 'pr_authorship_mode',
        }

        it('uses the linked GitHub account of the task creator', async () => {
            const { call } = createTestFake()
            const response = await call('POST', RUN, { json: { pr_authorship_mode: 'user' } })
            expect(taskSchema.parse(response.json).latest_run.state).toMatchObject({
                pr_authorship_mode: 'user',
                github_credential_source: 'user_integration',
            })
        })

        it('refuses user authorship without a linked account or a token', async () => {
            const { call, state } = createTestFake()
            state.userHasGitHub = false
            const response = await call('POST', RUN, { json: { pr_authorship_mode: 'user' } })
            expect(response.status).toBe(400)
            expect(response.json).toEqual(GITHUB_REQUIRED)
            const withToken = await call('POST', RUN, {
                json: { pr_authorship_mode: 'user', github_user_token: TOKEN },
            })
            expect(withToken.status).toBe(200)
        })

        it('falls back to bot silently when the team has a GitHub integration', async () => {
            const { call, state } = createTestFake()
            state.userHasGitHub = false
            state.teamHasGitHubIntegration = true
            const response = await call('POST', RUN, { json: { pr_authorship_mode: 'user' } })
            expect(taskSchema.parse(response.json).latest_run.state).toMatchObject({ pr_authorship_mode: 'bot' })
        })

        it('forces bot authorship for signal-report runs', async () => {
            const { call, state } = createTestFake()
            state.userHasGitHub = false
            const json = {
                pr_authorship_mode: 'user',
                run_source: 'signal_report',
                signal_report_id: DEMO_SIGNAL_REPORT_IDS.checkoutErrors,
            }
            const response = await call('POST', RUN, { json })
            expect(taskSchema.parse(response.json).latest_run.state).toMatchObject({
                pr_authorship_mode: 'bot',
                run_source: 'signal_report',
                signal_report_id: DEMO_SIGNAL_REPORT_IDS.checkoutErrors,
            })
        })
    })

    it('answers the warm-up 503 until the retry carries the token', async () => {
        const { call, traffic } = createTestFake()
        traffic.inject(buildWarmRunUnavailableRule('warm-123'))
        const first = await call('POST', RUN, { json: CLAUDE })
        expect(first.status).toBe(503)
        expect(first.json).toEqual({
            code: 'warm_run_activation_unavailable',
            error: 'The sandbox is warming up. Try again in a moment.',
            retry_token: 'warm-123',
        })
        expect((await call('POST', RUN, { json: CLAUDE })).status).toBe(503)
        const wrongToken = await call('POST', RUN, { json: CLAUDE, headers: { 'x-posthog-warm-retry': 'other' } })
        expect(wrongToken.status).toBe(503)
        const retried = await call('POST', RUN, { json: CLAUDE, headers: { 'x-posthog-warm-retry': 'warm-123' } })
        expect(retried.status).toBe(200)
        expect((await call('POST', RUN, { json: CLAUDE })).status).toBe(200)
    })
})

describe('GET tasks/{id}/runs/{run_id}/', () => {
    async function startRun(options: Parameters<typeof createTestFake>[0] = {}) {
        const fake = createTestFake(options)
        const started = await fake.call('POST', RUN, { json: CLAUDE, key: DEMO_KEYS.tasksOnly })
        const runPath = `${TASKS}/${DEMO_TASK_IDS.flakyLoginTest}/runs/${taskSchema.parse(started.json).latest_run.id}/`
        const read = async () => runSchema.parse((await fake.call('GET', runPath, { key: DEMO_KEYS.readOnly })).json)
        return { ...fake, read }
    }

    it('advances one step per read: queued → in_progress → completed', async () => {
        const { read } = await startRun()
        expect((await read()).status).toBe('in_progress')
        const completed = await read()
        expect(completed).toMatchObject({ status: 'completed', output: { pr_url: expect.any(String) } })
        expect((await read()).status).toBe('completed')
    })

    it('ends in the configured final status', async () => {
        const { read } = await startRun({ finalStatus: 'failed' })
        await read()
        const failed = await read()
        expect(failed.status).toBe('failed')
        expect(failed.error_message).toEqual(expect.any(String))
    })

    it('follows custom steps', async () => {
        const { read } = await startRun({ runStatusSteps: ['queued', 'queued', 'cancelled'] })
        expect((await read()).status).toBe('queued')
        expect((await read()).status).toBe('cancelled')
    })

    it('shows the current status on the task too', async () => {
        const { read, call } = await startRun()
        await read()
        const task = await call('GET', `${TASKS}/${DEMO_TASK_IDS.flakyLoginTest}/`)
        expect(taskSchema.parse(task.json).latest_run.status).toBe('in_progress')
    })

    it('answers 404 for a run of another task', async () => {
        const { call } = createTestFake()
        const path = `${TASKS}/${DEMO_TASK_IDS.flakyLoginTest}/runs/${DEMO_RUN_IDS.csvExportCompleted}/`
        expect((await call('GET', path)).status).toBe(404)
    })
})
