import { describe, expect, it } from 'vitest'

import { formatBytes, formatEventTimingMs, formatMegabytes, formatMs, formatRatio, formatTable } from './formatTable.ts'

describe('value formats', () => {
    it.each([
        [formatBytes(512), '512 B'],
        [formatBytes(1536), '1.5 KB'],
        [formatBytes(Number.NaN), '–'],
        [formatMs(9.87), '9.9 ms'],
        [formatMs(231.4), '231 ms'],
        [formatMs(Number.NaN), '–'],
        [formatEventTimingMs(0), '<16 ms'],
        [formatEventTimingMs(15.9), '<16 ms'],
        [formatEventTimingMs(24), '24.0 ms'],
        [formatRatio(1.2345), '1.23×'],
        [formatRatio(Number.POSITIVE_INFINITY), '∞'],
        [formatRatio(Number.NaN), '–'],
        [formatMegabytes(3 * 1024 * 1024), '3.00 MB'],
    ])('%s', (actual, expected) => {
        expect(actual).toBe(expected)
    })
})

describe('formatTable', () => {
    it('pads every column to its widest cell, counting × and – as one character', () => {
        const table = formatTable(
            ['metric', 'ratio'],
            [
                ['initial JS, gzip', '1.34×'],
                ['heap', '–'],
            ]
        )
        expect(table.split('\n')).toEqual([
            '| metric           | ratio |',
            '|------------------|-------|',
            '| initial JS, gzip | 1.34× |',
            '| heap             | –     |',
        ])
    })

    it('fills missing cells with blanks', () => {
        expect(formatTable(['a', 'b'], [['only a']]).split('\n')[2]).toBe('| only a |   |')
    })
})
