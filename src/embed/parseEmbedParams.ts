import { parseBareOrigin } from './parseBareOrigin.ts'

export const EMBED_THEMES = ['light', 'dark', 'auto'] as const
export type EmbedTheme = (typeof EMBED_THEMES)[number]

export interface EmbedParams {
    /** `embed=1`: compact layout, no page chrome, postMessage channel to the host. */
    embedded: boolean
    theme: EmbedTheme
    /** The normalized `parent_origin`, when it is a bare http(s) origin. */
    parentOrigin: string | undefined
    /** True when the URL has `parent_origin` at all, valid or not: then the referrer is never a fallback. */
    parentOriginGiven: boolean
    problems: string[]
}

function isTheme(value: string): value is EmbedTheme {
    return EMBED_THEMES.some((theme) => theme === value)
}

/** Reads the embed parameters of a location.search string; anything unusable becomes a problem and a default. */
export function parseEmbedParams(search: string): EmbedParams {
    const params = new URLSearchParams(search)
    const problems: string[] = []
    const single = (name: string): string | undefined => {
        const values = params.getAll(name)
        if (values.length > 1) problems.push(`${name} is given ${values.length} times; it is ignored.`)
        return values.length === 1 ? values[0] : undefined
    }

    const embed = single('embed')
    const embedded = embed === '1' || embed === 'true'
    if (embed !== undefined && !embedded && embed !== '0' && embed !== 'false') {
        problems.push('embed must be 1 or 0; embed mode is off.')
    }

    const themeText = single('theme')
    let theme: EmbedTheme = 'auto'
    if (themeText !== undefined) {
        if (isTheme(themeText)) theme = themeText
        else problems.push('theme must be light, dark or auto; auto is used.')
    }

    const parentOriginGiven = params.has('parent_origin')
    const originText = single('parent_origin')
    const parentOrigin = originText === undefined ? undefined : parseBareOrigin(originText)
    if (originText !== undefined && parentOrigin === undefined) {
        problems.push('parent_origin must be a bare http(s) origin such as https://example.com; messaging is off.')
    }

    return { embedded, theme, parentOrigin, parentOriginGiven, problems }
}
