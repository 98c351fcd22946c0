import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { BUILD_INPUTS, isBuildStale } from './isBuildStale.ts'
import { REPO_ROOT } from './parseServerConfig.ts'

let root: string
const dist = (): string => join(root, 'dist')

function touch(path: string, secondsAgo: number): void {
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, 'x')
    const time = new Date(Date.now() - secondsAgo * 1000)
    utimesSync(path, time, time)
}

function age(path: string, secondsAgo: number): void {
    const time = new Date(Date.now() - secondsAgo * 1000)
    utimesSync(path, time, time)
}

beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rl-build-'))
    touch(join(root, 'src', 'deep', 'App.tsx'), 300)
    touch(join(root, 'index.html'), 300)
    touch(join(root, 'vite.config.ts'), 300)
    for (const dir of ['src/deep', 'src']) {
        age(join(root, dir), 300)
    }
})

afterEach(() => {
    rmSync(root, { recursive: true, force: true })
})

describe('isBuildStale', () => {
    it('is stale without a built index.html', () => {
        expect(isBuildStale(dist(), root)).toBe(true)
    })

    it('is fresh when the build is newer than every input', () => {
        touch(join(dist(), 'index.html'), 10)
        expect(isBuildStale(dist(), root)).toBe(false)
    })

    it.each(['src/deep/App.tsx', 'index.html', 'vite.config.ts', 'public/favicon.svg'])(
        'is stale when %s changed after the build',
        (input) => {
            touch(join(dist(), 'index.html'), 10)
            touch(join(root, input), 1)
            expect(isBuildStale(dist(), root)).toBe(true)
        }
    )

    it('is stale when a source file was deleted after the build (the directory changed)', () => {
        touch(join(dist(), 'index.html'), 10)
        rmSync(join(root, 'src', 'deep', 'App.tsx'))
        expect(isBuildStale(dist(), root)).toBe(true)
    })

    it('is fresh when there are no sources at all (a deployment that ships only dist)', () => {
        rmSync(join(root, 'src'), { recursive: true })
        rmSync(join(root, 'index.html'))
        rmSync(join(root, 'vite.config.ts'))
        touch(join(dist(), 'index.html'), 10)
        expect(isBuildStale(dist(), root)).toBe(false)
    })
})

describe('npm start’s own staleness check', () => {
    // scripts/ensure-setup.mjs runs before any TypeScript can, so it keeps its own copy of the list
    it('watches the same build inputs', () => {
        const script = readFileSync(join(REPO_ROOT, 'scripts', 'ensure-setup.mjs'), 'utf8')
        const list = /\['src', [^\]]*\]/.exec(script)?.[0]
        expect(list).toBe(`[${BUILD_INPUTS.map((input) => `'${input}'`).join(', ')}]`)
    })
})
