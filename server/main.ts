import { existsSync } from 'node:fs'
import { join } from 'node:path'

import { createServerApp } from './createServerApp.ts'
import { parseServerConfig } from './parseServerConfig.ts'
import { startServer } from './startServer.ts'

// npm start runs the compiled build/server/main.js with node (scripts/buildWhenStale.ts builds it first);
// configuration from the environment, see server/README.md. Nothing here imports a dev dependency.
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

if (!existsSync(join(config.distDir, 'index.html'))) {
    const hint =
        config.buildOnStart === 'never'
            ? 'BUILD_ON_START is never: build it first (npm run build:app)'
            : 'start with npm start, which builds it, or run npm run build:app'
    console.error(`Run Launcher cannot start: ${config.distDir}/index.html is missing; ${hint}.`)
    process.exit(1)
}
const app = createServerApp(config)
const server = await startServer(app, { host: config.host, port: config.port, limits: config.limits })
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
