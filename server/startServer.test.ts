import { request } from 'node:http'

import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'

import type { RunningServer } from './startServer.ts'
import { startServer } from './startServer.ts'

let running: RunningServer | undefined

afterEach(async () => {
    await running?.close(50)
    running = undefined
})

function slowApp(delayMs: number): { app: Hono; started: Promise<void> } {
    const app = new Hono()
    let markStarted: () => void = () => undefined
    const started = new Promise<void>((resolve) => {
        markStarted = resolve
    })
    app.get('/slow', async (c) => {
        markStarted()
        await new Promise((resolve) => setTimeout(resolve, delayMs))
        return c.text('done')
    })
    app.get('/fast', (c) => c.text('fast'))
    return { app, started }
}

describe('startServer', () => {
    it('listens on the given host and a free port', async () => {
        running = await startServer(
            new Hono().get('/', (c) => c.text('hi')),
            { host: '127.0.0.1', port: 0 }
        )
        expect(running.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
        expect(await (await fetch(running.origin)).text()).toBe('hi')
    })

    it('finishes requests in flight on close, then refuses new connections', async () => {
        const { app, started } = slowApp(200)
        const server = await startServer(app, { host: '127.0.0.1', port: 0 })
        const inFlight = fetch(`${server.origin}/slow`)
        await started
        const closed = server.close(5_000)
        const response = await inFlight
        expect(await response.text()).toBe('done')
        await closed
        await expect(fetch(`${server.origin}/fast`)).rejects.toThrow()
    })

    it('cuts requests still running when the grace period ends', async () => {
        const { app, started } = slowApp(3_000)
        const server = await startServer(app, { host: '127.0.0.1', port: 0 })
        const failed = new Promise<string>((resolve) => {
            const call = request(`${server.origin}/slow`, (response) => {
                response.resume()
                response.on('end', () => {
                    resolve('answered')
                })
            })
            call.on('error', (error) => {
                resolve(error.message)
            })
            call.end()
        })
        await started
        const before = Date.now()
        await server.close(100)
        expect(Date.now() - before).toBeLessThan(2_000)
        expect(await failed).toMatch(/socket hang up|ECONNRESET/)
    })
})
