import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_KEYS } from '../fake-posthog/seedData.ts'
import type { FakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { startFakePostHog } from '../fake-posthog/startFakePostHog.ts'
import { REPO_ROOT } from './parseServerConfig.ts'

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
const MAIN = join(REPO_ROOT, 'server', 'main.ts')
const SECRET_KEY = 'phx_MustNeverBePrinted_0123'

interface Exited {
    code: number | null
    stdout: string
    stderr: string
}

// The process sees only what the test gives it, not the developer's own PostHog settings.
function launch(env: Record<string, string>) {
    const child = spawn(TSX, [MAIN], {
        cwd: REPO_ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
    })
    const exited = new Promise<Exited>((resolve) => {
        child.on('exit', (code) => {
            resolve({ code, stdout, stderr })
        })
    })
    const printed = (pattern: RegExp) =>
        new Promise<RegExpExecArray>((resolve, reject) => {
            const check = () => {
                const match = pattern.exec(stdout)
                if (match !== null) {
                    resolve(match)
                }
            }
            child.stdout.on('data', check)
            void exited.then(() => {
                reject(new Error(`exited before printing ${String(pattern)}:\n${stdout}\n${stderr}`))
            })
        })
    return { child, exited, printed }
}

let fake: FakePostHog
let distDir: string

beforeAll(async () => {
    fake = await startFakePostHog()
    distDir = mkdtempSync(join(tmpdir(), 'rl-main-'))
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Run Launcher</title>')
})

afterAll(async () => {
    await fake.close()
    rmSync(distDir, { recursive: true, force: true })
})

describe('server/main.ts', () => {
    it('stops at start-up with every configuration problem listed, and never the key', async () => {
        const { exited } = launch({
            PORT: 'eighty',
            EMBED_ALLOWED_ORIGINS: '*',
            POSTHOG_PERSONAL_API_KEY: `${SECRET_KEY} `.repeat(2),
        })
        const { code, stdout, stderr } = await exited
        expect(code).toBe(1)
        expect(stderr).toContain('Run Launcher cannot start. Fix these settings:')
        expect(stderr).toContain('  - PORT="eighty" is not valid: expected a TCP port, a whole number from 0 to 65535.')
        expect(stderr).toContain('  - EMBED_ALLOWED_ORIGINS="*" is not valid')
        expect(stderr).toContain('  - POSTHOG_PERSONAL_API_KEY (value hidden) is not valid')
        expect(stderr).toContain('  - POSTHOG_HOST, POSTHOG_PROJECT_ID are not set')
        expect(stdout + stderr).not.toContain('MustNeverBePrinted')
    })

    it('serves, says how it runs, and stops cleanly on SIGTERM', async () => {
        const { child, exited, printed } = launch({
            PORT: '0',
            DIST_DIR: distDir,
            BUILD_ON_START: 'never',
            POSTHOG_HOST: fake.origin,
            POSTHOG_PERSONAL_API_KEY: DEMO_KEYS.full,
            POSTHOG_PROJECT_ID: '1',
        })
        const [, origin] = await printed(
            /Run Launcher listening on (http:\/\/127\.0\.0\.1:\d+) \(server-held key mode for project 1\)\n/
        )
        const health = await fetch(`${origin ?? ''}/healthz`)
        expect(await health.json()).toEqual({ status: 'ok' })
        const me = await fetch(`${origin ?? ''}/launcher/posthog/api/users/@me/`)
        expect(me.status).toBe(200)
        child.kill('SIGTERM')
        const { code, stdout } = await exited
        expect(code).toBe(0)
        expect(stdout).toMatch(/^proxy GET \/api\/users\/@me\/ 200 \d+ms$/m)
        expect(stdout).toContain('Run Launcher stopping (SIGTERM)')
        expect(stdout).not.toContain(DEMO_KEYS.full)
    })

    it('refuses to start without a build when told never to build', async () => {
        const { exited } = launch({ PORT: '0', DIST_DIR: join(distDir, 'missing'), BUILD_ON_START: 'never' })
        const { code, stderr } = await exited
        expect(code).toBe(1)
        expect(stderr).toContain('index.html is missing; BUILD_ON_START is never')
    })
})
