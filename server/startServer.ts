import { createServer } from 'node:http'

import { getRequestListener } from '@hono/node-server'

export interface RunningServer {
    // e.g. http://127.0.0.1:8080
    origin: string
    port: number
    // stops accepting, lets in-flight requests finish, and cuts whatever is left after graceMs
    close(graceMs?: number): Promise<void>
}

export interface StartServerOptions {
    host: string
    port: number
    // absent: Node's own defaults
    limits?: ConnectionLimits
}

export interface ConnectionLimits {
    requestTimeoutMs: number
    headersTimeoutMs: number
    idleTimeoutMs: number
    maxConnections: number
}

export const DEFAULT_GRACE_MS = 8_000
const IDLE_SWEEP_MS = 100
// how often Node looks for requests past their timeout; its default of 30 s would let a slow body outlive a short limit
const TIMEOUT_CHECK_MS = 1_000

export async function startServer(
    app: { fetch: (request: Request) => Response | Promise<Response> },
    { host, port, limits }: StartServerOptions
): Promise<RunningServer> {
    const listener = getRequestListener(app.fetch)
    const timeouts =
        limits === undefined
            ? {}
            : {
                  requestTimeout: limits.requestTimeoutMs,
                  headersTimeout: limits.headersTimeoutMs,
                  keepAliveTimeout: limits.idleTimeoutMs,
                  connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, limits.headersTimeoutMs),
              }
    const server = createServer(timeouts, (request, response) => void listener(request, response))
    if (limits !== undefined) {
        server.maxConnections = limits.maxConnections
    }
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
            server.off('error', reject)
            resolve()
        })
    })
    const address = server.address()
    if (address === null || typeof address === 'string') {
        throw new Error('The server has no TCP address')
    }
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
    let closing: Promise<void> | undefined
    const close = (graceMs = DEFAULT_GRACE_MS): Promise<void> => {
        closing ??= new Promise<void>((resolve, reject) => {
            // keep-alive sockets turn idle once their request is answered; close them as they do
            const sweep = setInterval(() => {
                server.closeIdleConnections()
            }, IDLE_SWEEP_MS)
            const deadline = setTimeout(() => {
                server.closeAllConnections()
            }, graceMs)
            server.close((error) => {
                clearInterval(sweep)
                clearTimeout(deadline)
                if (error === undefined) {
                    resolve()
                } else {
                    reject(error)
                }
            })
            server.closeIdleConnections()
        })
        return closing
    }
    return { origin: `http://${shownHost}:${address.port}`, port: address.port, close }
}
