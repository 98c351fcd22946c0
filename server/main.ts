import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

import { createServerApp } from './createServerApp.ts'
import { isBuildStale } from './isBuildStale.ts'
import { parseServerConfig, REPO_ROOT } from './parseServerConfig.ts'
import type { ServerConfig } from './parseServerConfig.ts'
import { startServer } from './startServer.ts'

// npm start (npx tsx server/main.ts): configuration from the environment, see server/README.md.
const GRACE_MS = 8_000
const EXIT_DEADLINE_MS = 10_000

const parsed = parseServerConfig(process.env)
if (!parsed.ok) {
    console.error('Run Launcher cannot start. Fix these settings:')
    for (const error of parsed.errors) {
        console.error(`  - ${error}`)
    }
    process.exit(1)
}
const config = parsed.config

buildIfNeeded(config)
const app = createServerApp(config)
const server = await startServer(app, { host: config.host, port: config.port })
const mode =
    config.serverHeldKey === null
        ? 'browser key mode'
        : `server-held key mode for project ${config.serverHeldKey.projectId}`
console.log(`Run Launcher listening on ${server.origin} (${mode})`)

let stopping = false
const stop = (signal: string): void => {
    if (stopping) {
        // a second signal means "now"
        process.exit(1)
    }
    stopping = true
    console.log(`Run Launcher stopping (${signal}): finishing requests in flight`)
    setTimeout(() => {
        console.error('Run Launcher did not stop in time; exiting anyway')
        process.exit(1)
    }, EXIT_DEADLINE_MS).unref()
    server.close(GRACE_MS).then(
        () => process.exit(0),
        (error: unknown) => {
            console.error('Run Launcher failed to stop cleanly:', error instanceof Error ? error.message : error)
            process.exit(1)
        }
    )
}
process.on('SIGINT', () => {
    stop('SIGINT')
})
process.on('SIGTERM', () => {
    stop('SIGTERM')
})

// "npm start builds when needed": dist missing or older than the sources.
function buildIfNeeded({ distDir, buildOnStart }: ServerConfig): void {
    if (buildOnStart === 'never') {
        if (!existsSync(join(distDir, 'index.html'))) {
            console.error(`Run Launcher cannot start: ${distDir}/index.html is missing and BUILD_ON_START is never.`)
            process.exit(1)
        }
        return
    }
    if (!isBuildStale(distDir, REPO_ROOT)) {
        return
    }
    console.log(`Building the app into ${distDir} (vite build)…`)
    const result = spawnSync('npx', ['vite', 'build', '--outDir', distDir], { cwd: REPO_ROOT, stdio: 'inherit' })
    if (result.status !== 0) {
        console.error('Run Launcher cannot start: the app build failed (see above).')
        process.exit(1)
    }
}
