import { parseArgs } from 'node:util'

import { DEMO_KEYS, DEMO_PROJECT_ID } from './seedData.ts'
import { startFakePostHog } from './startFakePostHog.ts'

// npx tsx fake-posthog/main.ts --port 5301 [--ttl-seconds N] [--large-project]
const { values } = parseArgs({
    options: {
        port: { type: 'string', default: '5301' },
        'ttl-seconds': { type: 'string' },
        'large-project': { type: 'boolean', default: false },
    },
})

const port = parsePort(values.port)
const ttlSeconds = values['ttl-seconds'] === undefined ? undefined : Number(values['ttl-seconds'])
if (ttlSeconds !== undefined && !(ttlSeconds > 0)) {
    console.error(`--ttl-seconds must be a positive number, got "${values['ttl-seconds'] ?? ''}"`)
    process.exit(2)
}

const fake = await startFakePostHog({ port, largeProject: values['large-project'], activity: { stepMs: 1500 } })
console.log(`Fake PostHog listening on ${fake.origin} (project ${DEMO_PROJECT_ID}, key ${DEMO_KEYS.full})`)

let closing = false
const stop = async (reason: string): Promise<void> => {
    if (closing) {
        return
    }
    closing = true
    clearTimeout(ttlTimer)
    console.error(`Fake PostHog stopping (${reason})`)
    await fake.close()
}

// a forgotten demo server should not outlive its ttl
const ttlTimer = ttlSeconds === undefined ? undefined : setTimeout(() => void stop('ttl'), ttlSeconds * 1000)
process.once('SIGINT', () => void stop('SIGINT'))
process.once('SIGTERM', () => void stop('SIGTERM'))

function parsePort(raw: string): number {
    const parsed = Number(raw)
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
        console.error(`--port must be an integer between 0 and 65535, got "${raw}"`)
        process.exit(2)
    }
    return parsed
}
