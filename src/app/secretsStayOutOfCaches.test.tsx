// The fake PostHog is Node code and tsconfig.app.json has no node types.
/// <reference types="node" />

import { QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_KEYS, DEMO_TASK_IDS } from '../../fake-posthog/seedData.ts'
import type { FakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../../fake-posthog/startFakePostHog.ts'
import { App } from './App.tsx'
import { parseEmbedParams } from '../embed/parseEmbedParams.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { readLocationPrefill } from '../links/readLocationPrefill.ts'

const API_KEY = DEMO_KEYS.full
const GITHUB_TOKEN = 'ghu_secretTokenThatMustNotBeKept0123'
let fake: FakePostHog

beforeAll(async () => {
    fake = await startFakePostHog()
})

afterAll(async () => {
    await fake.close()
})

/** Every query and mutation react-query holds: keys, data, errors and variables. */
function dumpCaches(queryClient: QueryClient): string {
    return JSON.stringify([
        queryClient
            .getQueryCache()
            .getAll()
            .map((query) => [query.queryKey, query.state]),
        queryClient
            .getMutationCache()
            .getAll()
            .map((mutation) => [mutation.options.mutationKey, mutation.state]),
    ])
}

function storedText(): string {
    return JSON.stringify([
        Object.entries(window.localStorage),
        Object.entries(window.sessionStorage),
        window.location.href,
    ])
}

describe('the App after a run with a GitHub token settles', () => {
    it('keeps neither the API key nor the token in the react-query caches, storage or the address', async () => {
        const user = userEvent.setup()
        const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } })
        const view = render(
            <App
                prefill={readLocationPrefill(BUNDLED_FIELD_MODEL)}
                embed={parseEmbedParams('')}
                queryClient={queryClient}
            />
        )

        // A first visit offers to connect; the launcher (connection panel and all) loads on that click.
        await user.click(await screen.findByRole('button', { name: 'Connect to PostHog' }, { timeout: 5000 }))
        await user.click(await screen.findByRole('radio', { name: /Self-hosted/ }, { timeout: 5000 }))
        await user.type(screen.getByLabelText('PostHog address'), fake.origin)
        await user.type(screen.getByLabelText('Project ID'), '1')
        await user.type(screen.getByLabelText('Personal API key'), API_KEY)
        await user.click(screen.getByRole('button', { name: 'Check connection' }))
        await user.click(await screen.findByRole('radio', { name: /#1 Fix flaky login test/ }, { timeout: 5000 }))

        await user.selectOptions(screen.getByLabelText(/^Model/), 'claude-sonnet-5')
        await user.selectOptions(screen.getByLabelText(/^PR authorship mode/), 'user')
        await user.type(screen.getByLabelText(/^GitHub user token/), GITHUB_TOKEN)
        await user.click(screen.getByRole('button', { name: 'Start run' }))

        const panel = await screen.findByRole('region', { name: /^Run / }, { timeout: 5000 })
        await waitFor(() => {
            expect(within(panel).getByRole('status')).toHaveTextContent('Queued')
        })
        // The run really went out with both secrets, so their absence below means something.
        const sent = fake.requests.find(
            (request) =>
                request.method === 'POST' && request.path.includes(`/tasks/${DEMO_TASK_IDS.flakyLoginTest}/run/`)
        )
        expect(sent?.headers['authorization']).toBe(`Bearer ${API_KEY}`)
        expect(sent?.body).toContain(GITHUB_TOKEN)
        await waitFor(() => {
            expect(queryClient.isMutating()).toBe(0)
        })

        const dump = dumpCaches(queryClient)
        expect(dump).toContain(DEMO_TASK_IDS.flakyLoginTest)
        expect(dump).not.toContain(API_KEY)
        expect(dump).not.toContain(GITHUB_TOKEN)
        expect(storedText()).not.toContain(API_KEY)
        expect(storedText()).not.toContain(GITHUB_TOKEN)
        view.unmount()
    }, 30_000)
})
