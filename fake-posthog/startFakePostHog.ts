import { createServer } from 'node:http'

import { getRequestListener } from '@hono/node-server'

import { createFakePostHogApp } from './createFakePostHogApp.ts'
import type { FakePostHogOptions } from './FakePostHogOptions.ts'
import type { FakeState } from './FakeState.ts'
import type { InjectedResponse, RecordedRequest } from './FakeTraffic.ts'
import { FakeTraffic } from './FakeTraffic.ts'
import { createSeedState } from './seedData.ts'
import { seedLargeProject } from './seedLargeProject.ts'

export interface FakePostHog {
    // e.g. 'http://127.0.0.1:43121'
    origin: string
    state: FakeState
    requests: RecordedRequest[]
    inject(rule: InjectedResponse): void
    close(): Promise<void>
}

export interface StartFakePostHogOptions extends FakePostHogOptions {
    // 0 picks a free port
    port?: number
    state?: FakeState
    // 10,000 tasks, 1,000 runs on one task, 500 reports and a schema document of megabytes (seedLargeProject.ts)
    largeProject?: boolean
}

const HOST = '127.0.0.1'

// Serves the fake on loopback only, so tests and the demo reach it cross-origin from the app's port.
export async function startFakePostHog(options: StartFakePostHogOptions = {}): Promise<FakePostHog> {
    const { port = 0, state = createSeedState(), largeProject = false, ...appOptions } = options
    if (largeProject) seedLargeProject(state, appOptions)
    const traffic = new FakeTraffic()
    const app = createFakePostHogApp(appOptions, state, traffic)
    const listener = getRequestListener(app.fetch)
    const server = createServer((request, response) => void listener(request, response))
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, HOST, () => {
            server.off('error', reject)
            resolve()
        })
    })
    const address = server.address()
    if (address === null || typeof address === 'string') {
        throw new Error('The fake PostHog server has no TCP address')
    }
    return {
        origin: `http://${HOST}:${address.port}`,
        state,
        requests: traffic.requests,
        inject: (rule) => {
            traffic.inject(rule)
        },
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.close((error) => {
                    if (error === undefined) {
                        resolve()
                    } else {
                        reject(error)
                    }
                })
                // keep-alive sockets would otherwise hold close() open
                server.closeAllConnections()
            }),
    }
}
