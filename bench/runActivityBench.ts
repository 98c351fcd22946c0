// npx tsx bench/runActivityBench.ts: does typing stay as quick with a 5,000-entry run activity panel open?
// The same built app, in the same run: typing with no run panel, then with a followed run whose log holds 5,000
// entries and keeps streaming; the keystroke→paint budget of npm run bench (p95 ≤ 1.1×) applies to the ratio.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { chromium, type Page } from '@playwright/test'

import { chromiumLaunchOptions } from '../e2e/chromium.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID } from '../fake-posthog/seedData.ts'
import { startFakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { percentile } from './benchStats.ts'
import { REPO_ROOT } from './buildTargets.ts'
import { serveBuild } from './serveBuild.ts'

const BUDGET = 1.1
const TEXT = 'find the race in the login test and make it deterministic; keep the fix small, then explain it. '

const { values } = parseArgs({
    options: {
        chars: { type: 'string', default: '150' },
        rounds: { type: 'string', default: '3' },
        dist: { type: 'string', default: join(REPO_ROOT, 'dist') },
    },
})
const chars = Number(values.chars)
const rounds = Number(values.rounds)
if (!existsSync(join(values.dist, 'index.html'))) {
    console.error(`No build in ${values.dist}: run npx vite build first.`)
    process.exit(2)
}

// Per key: from the keydown's timestamp to the first task after the next frame (a paint's stand-in).
const PROBE = `
window.__keyLatencies = []
document.addEventListener('keydown', (event) => {
    const start = event.timeStamp
    requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => window.__keyLatencies.push(performance.now() - start)
        channel.port2.postMessage(0)
    })
}, true)
`

async function connect(page: Page, origin: string): Promise<void> {
    await page.getByRole('button', { name: 'Connect to PostHog' }).click()
    await page.getByRole('radio', { name: /Self-hosted/ }).check()
    await page.getByLabel('PostHog address').fill(origin)
    await page.getByLabel('Project ID').fill(String(DEMO_PROJECT_ID))
    await page.getByLabel('Personal API key').fill(DEMO_KEYS.full)
    await page.getByRole('button', { name: 'Check connection' }).click()
    await page.getByText(/^Connected to/).waitFor()
    await page.getByRole('radio', { name: /#1 Fix flaky login test/ }).check()
    await page.getByLabel(/^Model/).selectOption({ label: 'Claude Sonnet 5 — claude-sonnet-5' })
}

async function typeAndMeasure(page: Page): Promise<number[]> {
    const message = page.getByLabel(/^Pending user message/)
    await message.fill('')
    await message.click()
    await page.evaluate(() => {
        Object.assign(window, { __keyLatencies: [] })
    })
    await message.pressSequentially(TEXT.repeat(Math.ceil(chars / TEXT.length)).slice(0, chars), { delay: 30 })
    return page.evaluate(() => (window as unknown as { __keyLatencies: number[] }).__keyLatencies)
}

const fake = await startFakePostHog({
    // the run keeps streaming an entry every 400 ms while the keys are typed
    activity: { stepMs: 400, historyEntries: 5000 },
    runStatusSteps: ['queued', ...Array<'in_progress'>(200).fill('in_progress'), 'completed'],
})
const server = await serveBuild(values.dist, [fake.origin])
const browser = await chromium.launch(chromiumLaunchOptions)
let failed = false
try {
    for (const rate of [1, 4]) {
        const plain: number[] = []
        const withPanel: number[] = []
        for (let round = 0; round < rounds; round++) {
            const context = await browser.newContext()
            const page = await context.newPage()
            await page.addInitScript(PROBE)
            const cdp = await context.newCDPSession(page)
            await page.goto(server.origin)
            await connect(page, fake.origin)
            await cdp.send('Emulation.setCPUThrottlingRate', { rate })
            plain.push(...(await typeAndMeasure(page)))
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
            await page.getByRole('button', { name: 'Start run' }).click()
            await page.getByText(/· 50\d\d items/).waitFor({ timeout: 60_000 })
            await cdp.send('Emulation.setCPUThrottlingRate', { rate })
            withPanel.push(...(await typeAndMeasure(page)))
            await context.close()
        }
        const row = (name: string, samples: number[]) =>
            `${name.padEnd(28)} median ${percentile(samples, 50).toFixed(1)} ms · p95 ${percentile(samples, 95).toFixed(1)} ms · ${samples.length} keys`
        const ratio = percentile(withPanel, 95) / percentile(plain, 95)
        console.log(`CPU ${rate}×`)
        console.log(`  ${row('no run panel', plain)}`)
        console.log(`  ${row('5,000-entry activity open', withPanel)}`)
        console.log(
            `  keystroke→paint p95 ratio ${ratio.toFixed(2)}× (budget ≤ ${BUDGET}×): ${ratio <= BUDGET ? 'pass' : 'FAIL'}`
        )
        if (ratio > BUDGET) failed = true
    }
} finally {
    await browser.close()
    await server.close(100)
    await fake.close()
}
process.exit(failed ? 1 : 0)
