import { parseBareOrigin } from './parseBareOrigin.ts'

export type HostOriginCheck =
    | { state: 'empty' }
    | { state: 'invalid'; message: string }
    /** `allowed` is undefined when the deployment did not say which origins may embed it. */
    | { state: 'valid'; origin: string; allowed: boolean | undefined }

/** Reads the host page origin typed into the snippet builder and compares it with the deployment's allow-list. */
export function checkHostOrigin(text: string, embedAllowedOrigins: readonly string[] | undefined): HostOriginCheck {
    const trimmed = text.trim()
    if (trimmed === '') return { state: 'empty' }
    const origin = parseBareOrigin(trimmed)
    if (origin === undefined) {
        const hasPath = /^https?:\/\/[^/]+\/./i.test(trimmed)
        return {
            state: 'invalid',
            message: hasPath
                ? 'Enter the origin only, without a path: for https://wiki.example.com/page enter https://wiki.example.com.'
                : 'Enter an origin that starts with https:// or http://, such as https://wiki.example.com.',
        }
    }
    const allowed = embedAllowedOrigins === undefined ? undefined : embedAllowedOrigins.includes(origin)
    return { state: 'valid', origin, allowed }
}
