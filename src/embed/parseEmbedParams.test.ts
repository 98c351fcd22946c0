import { describe, expect, it } from 'vitest'

import { originOfUrl, parseBareOrigin } from './parseBareOrigin.ts'
import { parseEmbedParams } from './parseEmbedParams.ts'
import { resolveParentOrigin } from './resolveParentOrigin.ts'

describe('parseEmbedParams', () => {
    it('defaults to the full app', () => {
        expect(parseEmbedParams('')).toEqual({
            embedded: false,
            theme: 'auto',
            parentOrigin: undefined,
            parentOriginGiven: false,
            problems: [],
        })
    })

    it('reads embed mode, theme and parent origin', () => {
        expect(parseEmbedParams('?embed=1&theme=dark&parent_origin=https%3A%2F%2Fhost.example')).toEqual({
            embedded: true,
            theme: 'dark',
            parentOrigin: 'https://host.example',
            parentOriginGiven: true,
            problems: [],
        })
    })

    it.each([
        ['embed=1', true],
        ['embed=true', true],
        ['embed=0', false],
        ['embed=false', false],
        ['model=claude-sonnet-5', false],
    ])('reads %s as embedded=%s', (search, embedded) => {
        expect(parseEmbedParams(search)).toMatchObject({ embedded, problems: [] })
    })

    it.each([
        ['embed=yes', /embed must be 1 or 0/],
        ['embed=1&embed=0', /embed is given 2 times/],
        ['theme=sepia', /theme must be light, dark or auto/],
        ['parent_origin=https://host.example/page', /parent_origin must be a bare/],
        ['parent_origin=https://a.example&parent_origin=https://b.example', /parent_origin is given 2 times/],
    ])('reports %s as a problem and falls back', (search, problem) => {
        const params = parseEmbedParams(search)
        expect(params.problems).toEqual([expect.stringMatching(problem)])
        expect(params).toMatchObject({ theme: 'auto', parentOrigin: undefined })
    })

    it.each(['light', 'dark', 'auto'])('accepts theme=%s', (theme) => {
        expect(parseEmbedParams(`embed=1&theme=${theme}`).theme).toBe(theme)
    })
})

describe('parseBareOrigin', () => {
    it.each([
        ['https://host.example', 'https://host.example'],
        ['https://host.example/', 'https://host.example'],
        ['https://HOST.example', 'https://host.example'],
        ['http://localhost:5173', 'http://localhost:5173'],
        ['https://host.example:443', 'https://host.example'],
        ['https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
    ])('accepts %s as %s', (text, origin) => {
        expect(parseBareOrigin(text)).toBe(origin)
    })

    it.each([
        '',
        '*',
        'null',
        'host.example',
        '//host.example',
        'https://host.example/path',
        'https://host.example/?',
        'https://host.example?x=1',
        'https://host.example#top',
        'https://user:pass@host.example',
        'https://user@host.example',
        ' https://host.example',
        'https://host.example\n',
        'javascript:alert(1)',
        'file:///etc/passwd',
        'ftp://host.example',
        'data:text/html,hi',
    ])('refuses %j', (text) => {
        expect(parseBareOrigin(text)).toBeUndefined()
    })
})

describe('resolveParentOrigin', () => {
    const given = (search: string) => parseEmbedParams(search)

    it('prefers parent_origin over the referrer', () => {
        expect(resolveParentOrigin(given('embed=1&parent_origin=https://a.example'), 'https://b.example/page')).toEqual(
            {
                ok: true,
                origin: 'https://a.example',
            }
        )
    })

    it("falls back to the referrer's origin when parent_origin is absent", () => {
        expect(resolveParentOrigin(given('embed=1'), 'https://b.example/docs/page?x=1')).toEqual({
            ok: true,
            origin: 'https://b.example',
        })
    })

    it.each(['', 'about:blank', 'not a url', 'file:///host.html'])(
        'knows no origin from the referrer %j',
        (referrer) => {
            expect(resolveParentOrigin(given('embed=1'), referrer)).toMatchObject({
                ok: false,
                reason: /parent_origin/,
            })
        }
    )

    it('never falls back to the referrer when parent_origin is given but unusable', () => {
        expect(resolveParentOrigin(given('embed=1&parent_origin=*'), 'https://b.example/')).toMatchObject({ ok: false })
    })

    it.each([
        ['', undefined],
        ['https://b.example/x', 'https://b.example'],
        ['chrome-extension://abc/page.html', undefined],
    ])('originOfUrl(%j) is %s', (url, origin) => {
        expect(originOfUrl(url)).toBe(origin)
    })
})
