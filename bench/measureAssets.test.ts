import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { addSizes, createAssetSizer, splitAssets } from './measureAssets.ts'

const ORIGIN = 'http://127.0.0.1:4000'

describe('splitAssets', () => {
    it('splits own scripts and styles at the ready moment and ignores other requests', () => {
        const split = splitAssets(
            [
                { url: `${ORIGIN}/assets/index-a.js`, startTime: 10 },
                { url: `${ORIGIN}/assets/index-a.css`, startTime: 11 },
                { url: `${ORIGIN}/assets/vendor-b.js`, startTime: 12 },
                { url: `${ORIGIN}/launcher/config.json`, startTime: 40 },
                { url: `${ORIGIN}/assets/picker-c.js`, startTime: 300 },
                { url: `${ORIGIN}/assets/picker-c.css`, startTime: 301 },
                { url: 'http://127.0.0.1:5000/assets/other.js', startTime: 20 },
            ],
            ORIGIN,
            250
        )
        expect(split).toEqual({
            initialJs: ['/assets/index-a.js', '/assets/vendor-b.js'],
            initialCss: ['/assets/index-a.css'],
            lazyJs: ['/assets/picker-c.js'],
            lazyCss: ['/assets/picker-c.css'],
        })
    })

    it('counts a file fetched twice once', () => {
        const resources = [
            { url: `${ORIGIN}/assets/a.js`, startTime: 1 },
            { url: `${ORIGIN}/assets/a.js?again`, startTime: 2 },
        ]
        expect(splitAssets(resources, ORIGIN, 100).initialJs).toEqual(['/assets/a.js'])
    })
})

describe('sizes', () => {
    it('measures raw, gzip and brotli bytes of a built file, and adds them up', () => {
        const dir = mkdtempSync(join(tmpdir(), 'bench-assets-'))
        writeFileSync(join(dir, 'a.js'), 'const answer = 42;\n'.repeat(200))
        const sizeOf = createAssetSizer(dir)
        const sizes = sizeOf('/a.js')
        expect(sizes.raw).toBe(3800)
        expect(sizes.gzip).toBeLessThan(200)
        expect(sizes.brotli).toBeLessThan(sizes.gzip)
        expect(addSizes([sizes, sizes])).toEqual({ raw: 7600, gzip: sizes.gzip * 2, brotli: sizes.brotli * 2 })
        expect(addSizes([])).toEqual({ raw: 0, gzip: 0, brotli: 0 })
    })
})
