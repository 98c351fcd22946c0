import { request } from 'node:http'
import { connect } from 'node:net'

import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'

import type { ConnectionLimits, RunningServer } from './startServer.ts'
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

    describe('with limits', () => {
        const LIMITS: ConnectionLimits = {
            requestTimeoutMs: 2_000,
            headersTimeoutMs: 1_000,
            idleTimeoutMs: 1_000,
            maxConnections: 2,
        }

        async function startLimited(limits: Partial<ConnectionLimits> = {}): Promise<RunningServer> {
            const app = new Hono()
            app.post('/upload', async (c) => c.text(`got ${(await c.req.text()).length}`))
            app.get('/fast', (c) => c.text('fast'))
            running = await startServer(app, { host: '127.0.0.1', port: 0, limits: { ...LIMITS, ...limits } })
            return running
        }

        // Writes the request in pieces, one every intervalMs, and says how the connection ended and when.
        function trickle(server: RunningServer, pieces: readonly string[], intervalMs: number) {
            const socket = connect(server.port, '127.0.0.1')
            const started = Date.now()
            let received = ''
            socket.on('data', (chunk: Buffer) => {
                received += chunk.toString()
            })
            let index = 0
            const timer = setInterval(() => {
                const piece = pieces[index]
                index += 1
                if (piece === undefined || socket.destroyed) {
                    clearInterval(timer)
                    return
                }
                socket.write(piece)
            }, intervalMs)
            return new Promise<{ received: string; afterMs: number; piecesSent: number }>((resolve) => {
                socket.on('close', () => {
                    clearInterval(timer)
                    resolve({ received, afterMs: Date.now() - started, piecesSent: index })
                })
                socket.on('error', () => undefined)
            })
        }

        it('cuts a POST that trickles its body a byte every 1.5 s once REQUEST_TIMEOUT_MS is over', async () => {
            const server = await startLimited()
            const head =
                'POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n'
            const body = Array.from({ length: 100 }, () => 'x')
            const ended = await trickle(server, [head, ...body], 1_500)
            expect(ended.received).toMatch(/^HTTP\/1\.1 408/)
            // the 2 s limit plus at most one check interval, far from the 150 s the whole body would take
            expect(ended.afterMs).toBeLessThan(8_000)
            expect(ended.piecesSent).toBeLessThan(5)
        })

        it('cuts a request whose headers never finish once HEADERS_TIMEOUT_MS is over', async () => {
            const server = await startLimited({ requestTimeoutMs: 10_000 })
            const pieces = ['GET /fast HTTP/1.1\r\n', ...Array.from({ length: 20 }, (_, i) => `X-Slow-${i}: 1\r\n`)]
            const ended = await trickle(server, pieces, 300)
            expect(ended.received).toMatch(/^HTTP\/1\.1 408/)
            expect(ended.afterMs).toBeLessThan(4_000)
        })

        it('closes a kept-alive connection that stays idle past IDLE_TIMEOUT_MS', async () => {
            const server = await startLimited()
            const ended = await trickle(server, ['GET /fast HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'], 10)
            expect(ended.received).toMatch(/^HTTP\/1\.1 200[\s\S]*fast$/)
            expect(ended.afterMs).toBeGreaterThanOrEqual(900)
            expect(ended.afterMs).toBeLessThan(4_000)
        })

        it('drops connections beyond MAX_CONNECTIONS', async () => {
            const server = await startLimited({ maxConnections: 1 })
            const first = connect(server.port, '127.0.0.1')
            await new Promise((resolve) => first.once('connect', resolve))
            const second = await trickle(server, ['GET /fast HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'], 200)
            expect(second.received).toBe('')
            first.destroy()
        })
    })
})
