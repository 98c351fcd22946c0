import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

// The inputs of `vite build` that change the output; node_modules updates are rare enough to ignore.
export const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts'] as const

// True when dist has no index.html or any build input is newer than it.
export function isBuildStale(distDir: string, repoRoot: string): boolean {
    const built = modifiedAt(join(distDir, 'index.html'))
    if (built === undefined) {
        return true
    }
    return BUILD_INPUTS.some((input) => newestModification(join(repoRoot, input)) > built)
}

function modifiedAt(path: string): number | undefined {
    try {
        return statSync(path).mtimeMs
    } catch {
        return undefined
    }
}

function newestModification(path: string): number {
    let stats
    try {
        stats = statSync(path)
    } catch {
        return Number.NEGATIVE_INFINITY
    }
    if (!stats.isDirectory()) {
        return stats.mtimeMs
    }
    let newest = stats.mtimeMs
    for (const entry of readdirSync(path)) {
        newest = Math.max(newest, newestModification(join(path, entry)))
    }
    return newest
}
