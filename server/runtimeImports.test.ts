import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { REPO_ROOT } from './parseServerConfig.ts'

const PackageJson = z.object({ dependencies: z.record(z.string(), z.string()) })
const SERVER_DIR = join(REPO_ROOT, 'server')

// npm start runs the compiled server with node: it may import only Node's own modules and production dependencies.
describe('the server at run time', () => {
    const production = new Set(
        Object.keys(PackageJson.parse(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))).dependencies)
    )
    const sources = readdirSync(SERVER_DIR).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))

    it.each(sources)('%s imports nothing from devDependencies or outside server/', (name) => {
        const text = readFileSync(join(SERVER_DIR, name), 'utf8')
        const specifiers = [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map(
            (match) => match[1] ?? ''
        )
        for (const specifier of specifiers) {
            if (specifier.startsWith('./')) continue
            expect(
                specifier.startsWith('node:') || production.has(packageName(specifier)),
                `${name}: ${specifier}`
            ).toBe(true)
        }
    })
})

function packageName(specifier: string): string {
    const parts = specifier.split('/')
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '')
}
