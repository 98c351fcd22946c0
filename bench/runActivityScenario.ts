// The run-activity scenario of npm run bench: typing with a long followed run open beside the form.
import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

import type { Browser, Page } from '@playwright/test'

import { DEMO_PROJECT_ID, DEMO_TASK_IDS } from '../fake-posthog/seedData.ts'
import { startFakePostHog, type FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { percentile } from './benchStats.ts'
import { evaluateBudgets, type BudgetVerdict } from './evaluateBudget.ts'
import { formatMs, formatRatio, formatTable } from './formatTable.ts'
import { keyLatencies, MESSAGE_LABEL, prepareTyping, typeMessage } from './measureRound.ts'
import { serveBuild } from './serveBuild.ts'
import { retryOnce } from './waitFor.ts'

export const ACTIVITY_ENTRIES = 5000
// The keystroke budget of the main table is p95 at 4×: the same, here against the same page without the panel.
const CPU_RATE = 4
const BUDGET = 1.1
const KEYS = 150
// Lets the emptied message's preview and autosave finish before the keys are timed.
const SETTLE_MS = 500
const SENTENCE = 'find the race in the login test and make it deterministic; keep the fix small, then explain it. '

export interface ActivityOptions {
    rounds: number
    /** Connects the app to the fake and chooses a model, as the main scenario does before its submit. */
    connect: (page: Page, fake: FakePostHog) => Promise<void>
}

/** keystroke→paint of each key, ms, by block in the order typed */
interface ActivityRound {
    before: number[]
    panel: number[]
    panelAgain: number[]
    after: number[]
}

/**
 * One page load, typed in four blocks ordered none, panel, panel, none (ABBA): the page's speed drifts over the load
 * (JIT, heap, a busy machine), and each side gets as much of the early page as of the late one. The last block is
 * typed once "Start another run" has closed the panel, so its stream is gone too.
 */
async function measureRound(
    browser: Browser,
    url: string,
    fake: FakePostHog,
    options: ActivityOptions,
    text: string
): Promise<ActivityRound> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, serviceWorkers: 'block' })
    try {
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        const signals = await prepareTyping(page, cdp)
        // Each block starts from an empty message: a longer text costs more per key, whichever block types it.
        const typeBlock = async (name: string) => {
            await page.getByLabel(MESSAGE_LABEL).fill('')
            await page.waitForTimeout(SETTLE_MS)
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE })
            const typed = await typeMessage(page, cdp, signals, text, name)
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
            return keyLatencies(typed.keys)
        }
        await page.goto(url)
        await options.connect(page, fake)

        const before = await typeBlock('no panel, before the run')
        await page.getByRole('button', { name: 'Start run' }).click()
        // the whole history is in, and the run goes on streaming an entry every 400 ms while the keys are typed
        const itemCount = page.getByText(/· 50\d\d items/)
        await itemCount.waitFor({ timeout: 60_000 })
        const panel = await typeBlock('panel open')
        const panelAgain = await typeBlock('panel open, again')
        await page.getByRole('button', { name: 'Start another run' }).click()
        await itemCount.waitFor({ state: 'detached', timeout: 10_000 })
        const after = await typeBlock('no panel, after the run')
        return { before, panel, panelAgain, after }
    } finally {
        await context.close()
    }
}

/** Runs the scenario against the app built in appDir; prints its table and returns the broken budgets. */
export async function runActivityScenario(
    browser: Browser,
    appDir: string,
    resultsDir: string,
    options: ActivityOptions
): Promise<{ failed: BudgetVerdict[] }> {
    const fake = await startFakePostHog({
        activity: { stepMs: 400, historyEntries: ACTIVITY_ENTRIES },
        runStatusSteps: ['queued', ...Array<'in_progress'>(200).fill('in_progress'), 'completed'],
    })
    const appServer = await serveBuild(appDir, [fake.origin])
    try {
        const url = `${appServer.origin}/?host=${encodeURIComponent(fake.origin)}&project_id=${DEMO_PROJECT_ID}&task_id=${DEMO_TASK_IDS.flakyLoginTest}`
        const text = SENTENCE.repeat(2).slice(0, KEYS)
        console.log(
            `Run activity: ${options.rounds} page loads, each typing ${KEYS} keys at ${CPU_RATE}× four times: before a run, ` +
                `twice with its ${ACTIVITY_ENTRIES.toLocaleString('en')}-entry activity open, and once the panel is closed…`
        )
        const rounds: ActivityRound[] = []
        for (let round = 0; round < options.rounds; round += 1) {
            const result = await retryOnce('round', () => measureRound(browser, url, fake, options, text))
            const p95 = (keys: number[]) => formatMs(percentile(keys, 95))
            console.log(
                `  p95 no panel ${p95(result.before)} · panel open ${p95(result.panel)}, ${p95(result.panelAgain)} · ` +
                    `no panel ${p95(result.after)}`
            )
            rounds.push(result)
        }
        // The keys of every load are pooled: one load's p95 would sit on a handful of keys.
        const pooled = {
            plainMs: rounds.flatMap((round) => [...round.before, ...round.after]),
            withPanelMs: rounds.flatMap((round) => [...round.panel, ...round.panelAgain]),
        }
        const p95Open = percentile(pooled.withPanelMs, 95)
        const p95None = percentile(pooled.plainMs, 95)
        const { verdicts, failed } = evaluateBudgets([
            {
                kind: 'ratio',
                label: `keystroke→paint p95, ${CPU_RATE}×, with a ${ACTIVITY_ENTRIES.toLocaleString('en')}-entry run activity open, against none`,
                app: p95Open,
                reference: p95None,
                maxRatio: BUDGET,
            },
        ])
        const medianOpen = percentile(pooled.withPanelMs, 50)
        const medianNone = percentile(pooled.plainMs, 50)
        const header = ['typing beside a followed run', 'panel open', 'no panel', 'open / none', 'budget', 'result']
        const rows = [
            [
                `keystroke→paint median, ${CPU_RATE}×`,
                formatMs(medianOpen),
                formatMs(medianNone),
                formatRatio(medianOpen / medianNone),
                '',
                '',
            ],
            [
                `keystroke→paint p95, ${CPU_RATE}×`,
                formatMs(p95Open),
                formatMs(p95None),
                formatRatio(p95Open / p95None),
                `≤ ${BUDGET}×`,
                failed.length === 0 ? 'pass' : 'FAIL',
            ],
        ]
        console.log('')
        console.log(formatTable(header, rows))
        const output = join(resultsDir, 'activity.json')
        writeFileSync(output, `${JSON.stringify({ table: { header, rows }, budgets: verdicts, rounds }, null, 2)}\n`)
        console.log(`\nWrote ${relative(process.cwd(), output)}.`)
        return { failed }
    } finally {
        await Promise.all([appServer.close(1000), fake.close()])
    }
}
