import { createServer } from 'node:http'

export interface RunEndpoint {
    origin: string
    /** Bodies of the run requests received, parsed. */
    bodies: unknown[]
    close: () => Promise<void>
}

const CORS = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-max-age': '600',
}

/** The reference page's PostHog stand-in: answers any POST …/run/ with 200 JSON, cross-origin. */
export async function startRunEndpoint(): Promise<RunEndpoint> {
    const bodies: unknown[] = []
    const server = createServer((request, response) => {
        if (request.method === 'OPTIONS') {
            response.writeHead(204, CORS).end()
            return
        }
        const chunks: Buffer[] = []
        request.on('data', (chunk: Buffer) => chunks.push(chunk))
        request.on('end', () => {
            if (request.method !== 'POST' || !/\/tasks\/[^/]+\/run\/$/.test(request.url ?? '')) {
                response.writeHead(404, { ...CORS, 'content-type': 'application/json' }).end('{"detail":"Not found."}')
                return
            }
            try {
                bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')))
            } catch {
                bodies.push(undefined)
            }
            const run = { id: '0196a1b2-0002-7000-8000-000000000001', status: 'queued' }
            response.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(run))
        })
    })
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', () => {
            resolve()
        })
    })
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('The run endpoint has no TCP address')
    return {
        origin: `http://127.0.0.1:${address.port}`,
        bodies,
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => {
                    resolve()
                })
                server.closeAllConnections()
            }),
    }
}
