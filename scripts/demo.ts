import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { DEMO_KEYS, DEMO_PROJECT_ID } from '../fake-posthog/seedData.ts'
import { createServerApp } from '../server/createServerApp.ts'
import { isBuildStale } from '../server/isBuildStale.ts'
import type { ServerConfig } from '../server/parseServerConfig.ts'
import { parseServerConfig, REPO_ROOT } from '../server/parseServerConfig.ts'
import type { RunningServer } from '../server/startServer.ts'
import { startServer } from '../server/startServer.ts'

// npm run demo: the app (production server) against a local PostHog stand-in with sample data; Ctrl-C stops both.
const HOST = '127.0.0.1'
const DEFAULT_APP_PORT = 8080
const DEFAULT_POSTHOG_PORT = 5301
const GRACE_MS = 2_000
const EXIT_DEADLINE_MS = 5_000

const appPort = readPort('PORT', DEFAULT_APP_PORT)
const postHogPort = readPort('DEMO_POSTHOG_PORT', DEFAULT_POSTHOG_PORT)

const fake = await listenOrExit('The local PostHog', postHogPort, 'DEMO_POSTHOG_PORT', () =>
    startFakePostHog({ port: postHogPort, activity: { stepMs: 1500 } })
)
const config = demoServerConfig(fake.origin)
if (!buildIfNeeded(config)) {
    await fake.close()
    process.exit(1)
}
const server = await listenOrExit('Run Launcher', appPort, 'PORT', () =>
    startServer(createServerApp(config), { host: HOST, port: appPort, limits: config.limits })
).catch(async (error: unknown) => {
    await fake.close()
    throw error
})

printWelcome(server, fake)

let stopping = false
const stop = (signal: string): void => {
    if (stopping) {
        // a second Ctrl-C means "now"
        process.exit(1)
    }
    stopping = true
    console.log(`\nStopping the demo (${signal})…`)
    setTimeout(() => {
        console.error('The demo did not stop in time; exiting anyway.')
        process.exit(1)
    }, EXIT_DEADLINE_MS).unref()
    Promise.all([server.close(GRACE_MS), fake.close()]).then(
        () => {
            console.log('Demo stopped.')
            process.exit(0)
        },
        (error: unknown) => {
            console.error('The demo failed to stop cleanly:', error instanceof Error ? error.message : error)
            process.exit(1)
        }
    )
}
process.on('SIGINT', () => {
    stop('Ctrl-C')
})
process.on('SIGTERM', () => {
    stop('SIGTERM')
})

function readPort(name: string, fallback: number): number {
    const raw = process.env[name]?.trim()
    if (raw === undefined || raw === '') return fallback
    const port = Number(raw)
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
        console.error(`${name} must be a port number between 1 and 65535, not "${raw}".`)
        process.exit(1)
    }
    return port
}

async function listenOrExit<T>(what: string, port: number, variable: string, start: () => Promise<T>): Promise<T> {
    try {
        return await start()
    } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
            console.error(
                `${what} cannot use port ${port}: something else is listening there (another demo?).\n` +
                    `Stop it, or pick another port: ${variable}=${port + 10} npm run demo`
            )
            process.exit(1)
        }
        throw error
    }
}

// A clean environment: a PostHog key in the shell must not switch the demo to the real PostHog.
function demoServerConfig(postHogOrigin: string): ServerConfig {
    const parsed = parseServerConfig({
        PORT: String(appPort),
        HOST,
        DIST_DIR: process.env['DIST_DIR'],
        BUILD_ON_START: process.env['BUILD_ON_START'],
        ALLOWED_POSTHOG_HOSTS: `${postHogOrigin} https://us.posthog.com https://eu.posthog.com`,
        // the stand-in also plays the storage bucket for attachments
        ALLOWED_UPLOAD_ORIGINS: postHogOrigin,
    })
    if (!parsed.ok) {
        console.error('The demo cannot start:')
        for (const error of parsed.errors) console.error(`  - ${error}`)
        process.exit(1)
    }
    return parsed.config
}

// The same rule as npm start: build when dist is missing or older than the sources.
function buildIfNeeded({ distDir, buildOnStart }: ServerConfig): boolean {
    if (buildOnStart === 'never') {
        if (existsSync(join(distDir, 'index.html'))) return true
        console.error(`The demo cannot start: ${distDir}/index.html is missing and BUILD_ON_START is never.`)
        return false
    }
    if (!isBuildStale(distDir, REPO_ROOT)) return true
    console.log(`Building the app into ${distDir} (vite build)…`)
    const result = spawnSync('npx', ['vite', 'build', '--outDir', distDir], { cwd: REPO_ROOT, stdio: 'inherit' })
    if (result.status === 0) return true
    console.error('The demo cannot start: the app build failed (see above).')
    return false
}

function printWelcome(app: RunningServer, postHog: FakePostHog): void {
    const url = `${app.origin}/?host=${postHog.origin}&project_id=${String(DEMO_PROJECT_ID)}`
    console.log(
        [
            '',
            'Run Launcher demo is running.',
            '',
            `  1. Open     ${url}`,
            `  2. Paste    ${DEMO_KEYS.full}    as the personal API key, then choose "Check connection".`,
            '  3. Pick a task, choose a model and start a run: it goes from Queued to Completed in a few seconds.',
            '',
            `  PostHog here is a local stand-in at ${postHog.origin} with sample tasks, runs and reports;`,
            '  nothing leaves this machine. Other keys to try:',
            `    ${DEMO_KEYS.tasksOnly}     only task:read and task:write (connects without a name)`,
            `    ${DEMO_KEYS.readOnly}  only task:read (cannot start runs)`,
            `    ${DEMO_KEYS.otherProject}     limited to another project (refused here)`,
            '',
            '  Stop the demo with Ctrl-C.',
            '',
        ].join('\n')
    )
}
