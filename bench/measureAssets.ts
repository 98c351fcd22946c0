import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

import type { ResourceSample } from './installPageProbe.ts'

export interface ByteSizes {
    raw: number
    gzip: number
    brotli: number
}

export interface AssetSplit {
    /** Pathnames of the page's own scripts and styles requested before it was ready to type. */
    initialJs: string[]
    initialCss: string[]
    /** Requested afterwards (lazy chunks). */
    lazyJs: string[]
    lazyCss: string[]
}

/** Splits the page's own .js/.css requests at the moment it became ready to type; other origins are ignored. */
export function splitAssets(resources: readonly ResourceSample[], pageOrigin: string, readyAt: number): AssetSplit {
    const split: AssetSplit = { initialJs: [], initialCss: [], lazyJs: [], lazyCss: [] }
    for (const resource of resources) {
        const url = new URL(resource.url)
        if (url.origin !== pageOrigin) continue
        const initial = resource.startTime <= readyAt
        let list: string[] | undefined
        if (url.pathname.endsWith('.css')) list = initial ? split.initialCss : split.lazyCss
        else if (/\.m?js$/.test(url.pathname)) list = initial ? split.initialJs : split.lazyJs
        if (list && !list.includes(url.pathname)) list.push(url.pathname)
    }
    return split
}

export function addSizes(sizes: readonly ByteSizes[]): ByteSizes {
    return sizes.reduce(
        (sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }),
        {
            raw: 0,
            gzip: 0,
            brotli: 0,
        }
    )
}

/** Sizes of built files as a CDN would precompress them: gzip -9 and brotli quality 11; cached per file. */
export function createAssetSizer(distDir: string): (pathname: string) => ByteSizes {
    const cache = new Map<string, ByteSizes>()
    return (pathname) => {
        const cached = cache.get(pathname)
        if (cached) return cached
        const content = readFileSync(join(distDir, decodeURIComponent(pathname)))
        const sizes = {
            raw: content.length,
            gzip: gzipSync(content, { level: 9 }).length,
            brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        }
        cache.set(pathname, sizes)
        return sizes
    }
}
