import { useCallback, useMemo } from 'react'

import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import { buildShareLink, type LinkTarget, encodePrefill, type ShareLink, type ShareMode } from './prefillCodec.ts'

export interface ShareLinkOptions {
    mode: ShareMode
    /** Fields that whoever opens the link gets read-only. */
    lock?: readonly string[]
}

export interface ShareLinkApi {
    /** The link for these values: secrets and confirmations never included, defaults and blanks left out. */
    buildLink: (values: FormValues, connection: LinkTarget, options: ShareLinkOptions) => ShareLink
    /** Copies the link; false when the clipboard is unavailable or refused (show the link to copy by hand). */
    copyLink: (link: ShareLink) => Promise<boolean>
}

function currentBaseUrl(): string {
    return `${window.location.origin}${window.location.pathname}`
}

async function copyText(text: string): Promise<boolean> {
    if (!('clipboard' in navigator)) return false
    try {
        await navigator.clipboard.writeText(text)
        return true
    } catch {
        return false
    }
}

/** The share dialog's link builder; baseUrl defaults to this page without its query and fragment. */
export function useShareLink(model: FieldModel, baseUrl?: string): ShareLinkApi {
    const buildLink = useCallback(
        (values: FormValues, connection: LinkTarget, options: ShareLinkOptions): ShareLink => {
            const params = encodePrefill(model, values, connection, options.lock ? { lock: options.lock } : {})
            return buildShareLink(baseUrl ?? currentBaseUrl(), params, options.mode)
        },
        [model, baseUrl]
    )
    return useMemo(() => ({ buildLink, copyLink: (link: ShareLink) => copyText(link.url) }), [buildLink])
}
