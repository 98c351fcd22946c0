/** The normalized origin (https://host.example) when the text is exactly an http(s) origin, else undefined. */
export function parseBareOrigin(text: string): string | undefined {
    // The URL parser forgives whitespace and control characters; an origin we compare against must not need it.
    if (!/^[\x21-\x7e]+$/.test(text)) return undefined
    let url: URL
    try {
        url = new URL(text)
    } catch {
        return undefined
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined
    // Refuses "https://host.example/?" and "#", which parse to an empty search or hash.
    if (/[?#]/.test(text)) return undefined
    return url.origin
}

/** The http(s) origin of a full URL such as document.referrer, else undefined. */
export function originOfUrl(text: string): string | undefined {
    if (!text) return undefined
    try {
        const url = new URL(text)
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
    } catch {
        return undefined
    }
}
