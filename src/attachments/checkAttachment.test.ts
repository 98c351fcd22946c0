import { describe, expect, it } from 'vitest'

import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_PDF_ATTACHMENT_BYTES } from './checkAttachment.ts'
import { formatBytes } from './formatBytes.ts'
import { FALLBACK_CONTENT_TYPE, inferContentType } from './inferContentType.ts'

const MIB = 1024 * 1024

describe('checkAttachment', () => {
    it('uses PostHog’s limits: 30 MiB, and 10 MiB for PDFs', () => {
        expect(MAX_ATTACHMENT_BYTES).toBe(31457280)
        expect(MAX_PDF_ATTACHMENT_BYTES).toBe(10 * MIB)
    })

    it.each<[string, string, number, string]>([
        ['one byte', 'a.txt', 1, ''],
        ['exactly 30 MiB', 'big.bin', 30 * MIB, ''],
        ['exactly 10 MiB of PDF', 'spec.pdf', 10 * MIB, 'application/pdf'],
        ['a 20 MiB image', 'photo.png', 20 * MIB, 'image/png'],
    ])('accepts %s', (_, name, size, type) => {
        expect(checkAttachment({ name, size, type })).toEqual({ ok: true })
    })

    it.each<[string, string, number, string, RegExp]>([
        ['an empty file', 'empty.txt', 0, '', /^empty\.txt is empty\. Choose a file with content\.$/],
        ['one byte over 30 MiB', 'big.bin', 30 * MIB + 1, '', /^big\.bin is 30 MB; files can be at most 30 MB\./],
        ['an 11 MiB PDF', 'spec.pdf', 11 * MIB, 'application/pdf', /^spec\.pdf is 11 MB; PDFs can be at most 10 MB\./],
        ['a PDF by upper-case name', 'SPEC.PDF', 10 * MIB + 1, '', /PDFs can be at most 10 MB/],
        ['a PDF by type alone', 'scan', 10 * MIB + 1, 'application/pdf', /PDFs can be at most 10 MB/],
        ['a 255+ character name', `${'n'.repeat(256)}.txt`, 10, '', /longer than 255 characters\. Rename the file/],
    ])('refuses %s, saying what to do', (_, name, size, type, message) => {
        const check = checkAttachment({ name, size, type })
        expect(check.ok).toBe(false)
        if (!check.ok) expect(check.message).toMatch(message)
    })

    it('tells what to do with a file over the limit', () => {
        const check = checkAttachment({ name: 'spec.pdf', size: 11 * MIB, type: '' })
        expect(check).toEqual({
            ok: false,
            message: 'spec.pdf is 11 MB; PDFs can be at most 10 MB. Compress or split it, then add it again.',
        })
    })
})

describe('inferContentType', () => {
    it.each([
        ['notes.md', 'text/markdown'],
        ['data.CSV', 'text/csv'],
        ['photo.JPG', 'image/jpeg'],
        ['photo.jpeg', 'image/jpeg'],
        ['page.html', 'text/html'],
        ['spec.pdf', 'application/pdf'],
        ['logo.svg', 'image/svg+xml'],
        ['config.yml', 'application/yaml'],
        ['config.yaml', 'application/yaml'],
        ['app.js', 'text/javascript'],
        ['a.b.json', 'application/json'],
        ['archive.tar.gz', FALLBACK_CONTENT_TYPE],
        ['Makefile', FALLBACK_CONTENT_TYPE],
        ['trailing.', FALLBACK_CONTENT_TYPE],
    ])('%s → %s', (name, type) => {
        expect(inferContentType(name)).toBe(type)
    })
})

describe('formatBytes', () => {
    it.each([
        [0, '0 bytes'],
        [1, '1 byte'],
        [1023, '1023 bytes'],
        [1024, '1 KB'],
        [1536, '1.5 KB'],
        [10 * MIB, '10 MB'],
        [31457281, '30 MB'],
        [11.25 * MIB, '11.3 MB'],
    ])('%d → %s', (bytes, text) => {
        expect(formatBytes(bytes)).toBe(text)
    })
})
