import { createServerApp } from '../server/createServerApp.ts'
import { parseServerConfig } from '../server/parseServerConfig.ts'
import { startServer, type RunningServer } from '../server/startServer.ts'

/** Serves a build with the production server, as users get it (headers, CSP, compression); it may call `apiOrigins`. */
export async function serveBuild(distDir: string, apiOrigins: readonly string[]): Promise<RunningServer> {
    const parsed = parseServerConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        DIST_DIR: distDir,
        BUILD_ON_START: 'never',
        ALLOWED_POSTHOG_HOSTS: apiOrigins.join(' '),
    })
    if (!parsed.ok) throw new Error(`The bench server config is invalid: ${parsed.errors.join('; ')}`)
    const app = createServerApp(parsed.config, { log: () => undefined })
    return startServer(app, { host: parsed.config.host, port: parsed.config.port })
}
