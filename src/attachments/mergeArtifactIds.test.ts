import { describe, expect, it } from 'vitest'

import { mergeArtifactIds } from './mergeArtifactIds.ts'

describe('mergeArtifactIds', () => {
    it.each<[string, Parameters<typeof mergeArtifactIds>, string[]]>([
        ['adds the first finalized id to an empty field', [undefined, [], ['a']], ['a']],
        ['keeps ids typed by hand before the files’ ids', [['typed', 'a'], ['a'], ['a', 'b']], ['typed', 'a', 'b']],
        ['removes the id of a removed file', [['typed', 'a', 'b'], ['a', 'b'], ['b']], ['typed', 'b']],
        [
            'replaces an expired id by its new one',
            [
                ['a', 'old'],
                ['a', 'old'],
                ['a', 'new'],
            ],
            ['a', 'new'],
        ],
        ['drops blank lines and trims typed ids', [[' typed ', '', '  '], [], ['a']], ['typed', 'a']],
        ['keeps a typed id that is also a file’s only once', [['a'], [], ['a']], ['a']],
        ['reads a single string value', ['typed', [], ['a']], ['typed', 'a']],
        ['treats a boolean as no ids', [true, [], []], []],
    ])('%s', (_, args, expected) => {
        expect(mergeArtifactIds(...args)).toEqual(expected)
    })
})
