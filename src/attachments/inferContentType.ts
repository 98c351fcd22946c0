// The extensions PostHog's own web helper recognises; anything else is sent as opaque bytes.
const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
    ['css', 'text/css'],
    ['csv', 'text/csv'],
    ['gif', 'image/gif'],
    ['html', 'text/html'],
    ['jpeg', 'image/jpeg'],
    ['jpg', 'image/jpeg'],
    ['js', 'text/javascript'],
    ['json', 'application/json'],
    ['md', 'text/markdown'],
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['svg', 'image/svg+xml'],
    ['txt', 'text/plain'],
    ['webp', 'image/webp'],
    ['yaml', 'application/yaml'],
    ['yml', 'application/yaml'],
])

export const FALLBACK_CONTENT_TYPE = 'application/octet-stream'

/** The content type sent to prepare_upload, from the file name's extension as PostHog's web app does. */
export function inferContentType(fileName: string): string {
    const dot = fileName.lastIndexOf('.')
    if (dot < 0) return FALLBACK_CONTENT_TYPE
    return CONTENT_TYPES.get(fileName.slice(dot + 1).toLowerCase()) ?? FALLBACK_CONTENT_TYPE
}
