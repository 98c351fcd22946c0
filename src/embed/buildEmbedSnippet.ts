import { EMBED_PROTOCOL_VERSION, EMBED_SOURCE, HOST_SOURCE } from './embedProtocol.ts'
import { parseBareOrigin } from './parseBareOrigin.ts'

export interface EmbedSnippetOptions {
    /** Where the app is served, e.g. https://launcher.example/ (any query or fragment is replaced). */
    appUrl: string
    /** Prefill and theme parameters, already free of secrets (the share-link encoder's output). */
    params: URLSearchParams
    /** The host page's origin; the deployment checks it against its frame-ancestors allow-list. */
    parentOrigin?: string
    title?: string
}

export interface EmbedSnippet {
    /** Paste where the launcher should appear. */
    iframeHtml: string
    /** A `<script>` element to paste after the iframe: sizes it and logs the launcher's messages. */
    listenerScript: string
    problems: string[]
}

export const EMBED_IFRAME_ID = 'run-launcher'
const DEFAULT_TITLE = 'Run Launcher'
// allow-same-origin keeps the app's own storage and CORS Origin header; popups escape so PostHog links work normally.
const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox'

const HTML_ESCAPES: Readonly<Record<string, string>> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character)
}

/** A JS string literal that cannot close the surrounding script element. */
function scriptString(text: string): string {
    return JSON.stringify(text).replace(/</g, '\\u003c')
}

function toAppUrl(text: string): URL | undefined {
    try {
        const url = new URL(text)
        return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
    } catch {
        return undefined
    }
}

function buildListenerScript(appOrigin: string): string {
    return `<script>
(() => {
    const APP_ORIGIN = ${scriptString(appOrigin)}
    const iframe = document.getElementById(${scriptString(EMBED_IFRAME_ID)})
    window.addEventListener('message', (event) => {
        // Only the launcher's own frame, from the launcher's origin, speaking this protocol version.
        if (event.origin !== APP_ORIGIN || event.source !== iframe.contentWindow) return
        const message = event.data
        if (!message || message.source !== ${scriptString(EMBED_SOURCE)} || message.version !== ${EMBED_PROTOCOL_VERSION}) return
        if (message.type === 'resize') iframe.style.height = message.height + 'px'
        if (message.type === 'ready') {
            // To prefill the form (secrets are refused):
            // iframe.contentWindow.postMessage({ source: ${scriptString(HOST_SOURCE)}, version: ${EMBED_PROTOCOL_VERSION}, type: 'set-values', values: { pending_user_message: 'Fix the flaky test', branch: 'main' } }, APP_ORIGIN)
        }
        if (message.type === 'submitted') console.log('Run started', message.taskId, message.runId, message.link)
        if (message.type === 'run-status') console.log('Run status', message.runId, message.status)
        if (message.type === 'error') console.warn('Run Launcher', message.code, message.message)
    })
})()
</script>`
}

/** The iframe and host listener a host page pastes to embed the launcher with the given prefill. */
export function buildEmbedSnippet(options: EmbedSnippetOptions): EmbedSnippet {
    const problems: string[] = []
    const url = toAppUrl(options.appUrl)
    if (!url) return { iframeHtml: '', listenerScript: '', problems: ['The app URL is not an http(s) URL.'] }

    const search = new URLSearchParams(options.params)
    search.set('embed', '1')
    search.delete('parent_origin')
    if (options.parentOrigin !== undefined && options.parentOrigin.trim() !== '') {
        const parentOrigin = parseBareOrigin(options.parentOrigin.trim())
        if (parentOrigin === undefined) {
            problems.push('The host origin must be a bare http(s) origin such as https://example.com.')
        } else {
            search.set('parent_origin', parentOrigin)
        }
    }
    url.search = search.toString()
    // A fragment may carry secrets; the snippet never does.
    url.hash = ''

    const title = options.title?.trim() ?? ''
    const attributes: [string, string][] = [
        ['id', EMBED_IFRAME_ID],
        ['src', url.href],
        ['title', title === '' ? DEFAULT_TITLE : title],
        ['style', 'border:0;width:100%'],
        ['sandbox', SANDBOX],
        // The referrer's origin is the fallback parent origin when parent_origin is absent.
        ['referrerpolicy', 'origin'],
    ]
    const iframeHtml = `<iframe ${attributes.map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(' ')}></iframe>`
    return { iframeHtml, listenerScript: buildListenerScript(url.origin), problems }
}
