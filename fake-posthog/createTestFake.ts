import { createFakePostHogApp } from './createFakePostHogApp.ts'
import type { FakePostHogOptions } from './FakePostHogOptions.ts'
import type { FakeState } from './FakeState.ts'
import { FakeTraffic } from './FakeTraffic.ts'
import { createSeedState, DEMO_KEYS } from './seedData.ts'

export interface TestCallOptions {
    // null sends no Authorization header
    key?: string | null
    json?: unknown
    body?: BodyInit
    headers?: Record<string, string>
}

export interface TestResponse {
    status: number
    headers: Headers
    text: string
    json: unknown
}

// The app without a socket, for unit tests: every call goes through Hono's app.request().
export function createTestFake(options: FakePostHogOptions = {}) {
    const state: FakeState = createSeedState()
    const traffic = new FakeTraffic()
    const app = createFakePostHogApp(options, state, traffic)

    const call = async (method: string, path: string, callOptions: TestCallOptions = {}): Promise<TestResponse> => {
        const headers = new Headers(callOptions.headers)
        const key = callOptions.key === undefined ? DEMO_KEYS.full : callOptions.key
        if (key !== null) {
            headers.set('authorization', `Bearer ${key}`)
        }
        let body = callOptions.body
        if (callOptions.json !== undefined) {
            body = JSON.stringify(callOptions.json)
            if (!headers.has('content-type')) {
                headers.set('content-type', 'application/json')
            }
        }
        const response = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) })
        const text = await response.text()
        return { status: response.status, headers: response.headers, text, json: parseJson(text) }
    }
    return { app, state, traffic, call }
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text) as unknown
    } catch {
        return undefined
    }
}
