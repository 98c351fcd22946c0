import { describe, expect, it } from 'vitest'

import { humanize } from './humanize.ts'
import { parseEnumLines, stripEnumLines } from './parseEnumLines.ts'

describe('parseEnumLines', () => {
    it('reads drf-spectacular choice lines', () => {
        expect(parseEnumLines('Mode.\n\n* `interactive` - Interactive\n* `background` - background')).toEqual([
            { value: 'interactive', label: 'Interactive' },
            { value: 'background', label: 'background' },
        ])
    })

    it('ignores prose and malformed lines', () => {
        expect(parseEnumLines('* not a choice\n- `x` - y\n* `ok` - fine')).toEqual([{ value: 'ok', label: 'fine' }])
    })

    it('strips the lines from help text', () => {
        expect(stripEnumLines('Mode.\n\n* `a` - a\n* `b` - b')).toBe('Mode.')
    })
})

describe('humanize', () => {
    it.each([
        ['pending_user_message', 'Pending user message'],
        ['bypassPermissions', 'Bypass permissions'],
        ['acceptEdits', 'Accept edits'],
        ['pr_authorship_mode', 'PR authorship mode'],
        ['x', 'X'],
    ])('%s → %s', (name, label) => {
        expect(humanize(name)).toBe(label)
    })
})
