import { describe, expect, it } from 'vitest'

import { buildEmbedSnippet, escapeHtml } from './buildEmbedSnippet.ts'

function srcOf(iframeHtml: string): URL {
    const match = /src="([^"]*)"/.exec(iframeHtml)
    if (!match?.[1]) throw new Error('no src')
    return new URL(match[1].replaceAll('&amp;', '&'))
}

describe('buildEmbedSnippet', () => {
    it('builds an iframe with embed mode, the parent origin and the prefill', () => {
        const { iframeHtml, problems } = buildEmbedSnippet({
            appUrl: 'https://launcher.example/app/',
            params: new URLSearchParams({ branch: 'main', theme: 'dark' }),
            parentOrigin: 'https://host.example',
        })
        expect(problems).toEqual([])
        const src = srcOf(iframeHtml)
        expect(src.origin + src.pathname).toBe('https://launcher.example/app/')
        expect(Object.fromEntries(src.searchParams)).toEqual({
            branch: 'main',
            theme: 'dark',
            embed: '1',
            parent_origin: 'https://host.example',
        })
        expect(iframeHtml).toContain('title="Run Launcher"')
        expect(iframeHtml).toContain('style="border:0;width:100%"')
        expect(iframeHtml).toContain(
            'sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox"'
        )
        expect(iframeHtml).not.toContain(' allow=')
    })

    it('escapes attribute values', () => {
        const { iframeHtml } = buildEmbedSnippet({
            appUrl: 'https://launcher.example/',
            params: new URLSearchParams({ pending_user_message: '"><script>alert(1)</script>' }),
            title: `Bob's "launcher" <b>&</b>`,
        })
        expect(iframeHtml).not.toContain('<script')
        expect(iframeHtml).not.toContain('<b>')
        expect(iframeHtml).toContain('title="Bob&#39;s &quot;launcher&quot; &lt;b&gt;&amp;&lt;/b&gt;"')
        expect(srcOf(iframeHtml).searchParams.get('pending_user_message')).toBe('"><script>alert(1)</script>')
        // Exactly one element: nothing broke out of an attribute.
        expect(iframeHtml.match(/</g)).toHaveLength(2)
    })

    it('drops the fragment and any stale embed parameters', () => {
        const { iframeHtml } = buildEmbedSnippet({
            appUrl: 'https://launcher.example/?old=1#key=phx_secret',
            params: new URLSearchParams({ embed: '0', parent_origin: 'https://evil.example' }),
        })
        expect(iframeHtml).not.toContain('phx_secret')
        expect(iframeHtml).not.toContain('evil.example')
        expect(iframeHtml).not.toContain('old=1')
        expect(srcOf(iframeHtml).searchParams.get('embed')).toBe('1')
    })

    it('refuses a host origin that is not a bare origin, and leaves it out', () => {
        const { iframeHtml, problems } = buildEmbedSnippet({
            appUrl: 'https://launcher.example/',
            params: new URLSearchParams(),
            parentOrigin: 'https://host.example/page"onload="alert(1)',
        })
        expect(problems).toEqual([expect.stringMatching(/bare http\(s\) origin/)])
        expect(srcOf(iframeHtml).searchParams.has('parent_origin')).toBe(false)
        expect(iframeHtml).not.toContain('onload')
    })

    it.each(['javascript:alert(1)', 'not a url', 'data:text/html,x'])('refuses the app URL %j', (appUrl) => {
        expect(buildEmbedSnippet({ appUrl, params: new URLSearchParams() })).toEqual({
            iframeHtml: '',
            listenerScript: '',
            problems: ['The app URL is not an http(s) URL.'],
        })
    })

    it('writes a listener that checks origin and source window and sizes the iframe', () => {
        const { listenerScript } = buildEmbedSnippet({
            appUrl: 'https://launcher.example/app/',
            params: new URLSearchParams(),
        })
        expect(listenerScript).toMatch(/^<script>\n[\s\S]*\n<\/script>$/)
        expect(listenerScript).toContain('const APP_ORIGIN = "https://launcher.example"')
        expect(listenerScript).toContain('event.origin !== APP_ORIGIN')
        expect(listenerScript).toContain('event.source !== iframe.contentWindow')
        expect(listenerScript).toContain("iframe.style.height = message.height + 'px'")
        expect(listenerScript).toContain('}, APP_ORIGIN)')
        expect(listenerScript.match(/<\/script>/g)).toHaveLength(1)
    })

    it('writes a listener that parses as JavaScript', () => {
        const { listenerScript } = buildEmbedSnippet({
            appUrl: 'https://launcher.example/',
            params: new URLSearchParams(),
        })
        const body = listenerScript.replace(/^<script>/, '').replace(/<\/script>$/, '')
        // Parses our own generated text and never calls it.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        expect(() => new Function(body)).not.toThrow()
    })
})

describe('escapeHtml', () => {
    it('escapes the five HTML-special characters', () => {
        expect(escapeHtml(`&<>"'x`)).toBe('&amp;&lt;&gt;&quot;&#39;x')
    })
})
