import { relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

import react from '@vitejs/plugin-react'
import { build } from 'vite'

import { precompressAssets } from '../scripts/precompressAssets.ts'

export const REPO_ROOT = resolve(import.meta.dirname, '..')
export const REFERENCE_ROOT = resolve(import.meta.dirname, 'reference')

type BuildResult = Awaited<ReturnType<typeof build>>
type BuildOutput = Extract<BuildResult, { output: unknown }>

export interface ModuleSize {
    /** src/… for our code, the package name for dependencies. */
    name: string
    /** Rendered (pre-minification) length in the initial chunks. */
    renderedLength: number
    /** That rendered code, gzipped on its own: a rough share of the initial gzip bytes (whitespace and comments compress away). */
    gzipLength: number
}

export interface BuiltTarget {
    outDir: string
    /** Chunks the entry imports statically: what a browser must load before the page runs. */
    initialChunks: string[]
    /** Chunks only reachable through dynamic import(). */
    lazyChunks: string[]
    initialModules: ModuleSize[]
    initialPackages: ModuleSize[]
}

/** The app, from the repository's own Vite config: exactly what `vite build` ships, minus the output folder. */
export async function buildApp(outDir: string): Promise<BuiltTarget> {
    const result = await build({
        root: REPO_ROOT,
        configFile: resolve(REPO_ROOT, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, sourcemap: false },
    })
    return describeBuild(outDir, result)
}

/** The reference page, with the same React plugin, precompression and target as the app. */
export async function buildReference(outDir: string): Promise<BuiltTarget> {
    const result = await build({
        root: REFERENCE_ROOT,
        configFile: false,
        plugins: [react(), precompressAssets()],
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, sourcemap: false, target: 'es2022' },
    })
    return describeBuild(outDir, result)
}

function describeBuild(outDir: string, result: BuildResult): BuiltTarget {
    const outputs = (Array.isArray(result) ? result : [result]).filter(
        (entry): entry is BuildOutput => 'output' in entry
    )
    const chunks = outputs.flatMap((output) => output.output.filter((item) => item.type === 'chunk'))
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
    const initial = new Set<string>()
    const pending = chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName)
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        if (initial.has(next)) continue
        initial.add(next)
        pending.push(...(byName.get(next)?.imports ?? []))
    }
    const modules = new Map<string, string[]>()
    const packages = new Map<string, string[]>()
    const add = (sizes: Map<string, string[]>, name: string, code: string): void => {
        const list = sizes.get(name) ?? []
        list.push(code)
        sizes.set(name, list)
    }
    for (const name of initial) {
        for (const [id, module] of Object.entries(byName.get(name)?.modules ?? {})) {
            const moduleName = toModuleName(id)
            add(modules, moduleName, module.code ?? '')
            add(packages, toPackageName(moduleName), module.code ?? '')
        }
    }
    return {
        outDir,
        initialChunks: [...initial],
        lazyChunks: chunks.map((chunk) => chunk.fileName).filter((name) => !initial.has(name)),
        initialModules: sortBySize(modules),
        initialPackages: sortBySize(packages),
    }
}

function sortBySize(code: ReadonlyMap<string, readonly string[]>): ModuleSize[] {
    return [...code]
        .map(([name, parts]) => {
            const text = parts.join('\n')
            return { name, renderedLength: text.length, gzipLength: gzipSync(text, { level: 9 }).length }
        })
        .sort((a, b) => b.gzipLength - a.gzipLength)
}

/** '/repo/node_modules/zod/v4/core/schemas.js' → 'zod/v4/core/schemas.js'; '/repo/src/App.tsx' → 'src/App.tsx'. */
export function toModuleName(id: string): string {
    const clean = id.replace(/^\0/, '').replace(/\?.*$/, '')
    const marker = clean.lastIndexOf('/node_modules/')
    if (marker >= 0) return clean.slice(marker + '/node_modules/'.length)
    return clean.startsWith('/') ? relative(REPO_ROOT, clean) : clean
}

/** 'zod/v4/core/schemas.js' → 'zod', '@tanstack/query-core/build/…' → '@tanstack/query-core', 'src/form/X.tsx' → 'src/form/'. */
export function toPackageName(moduleName: string): string {
    const parts = moduleName.split('/')
    if (moduleName.startsWith('src/') || moduleName.startsWith('bench/')) {
        return parts.length > 2 ? `${parts.slice(0, 2).join('/')}/` : moduleName
    }
    if (parts.length === 1) return moduleName
    return moduleName.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? moduleName)
}
