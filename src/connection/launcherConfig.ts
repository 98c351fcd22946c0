import * as z from 'zod/mini'

import { lazyValue } from '../lib/lazyValue.ts'

/** What the deployment's own server says about itself; absent (dev server, static hosting) means browser-key mode. */
export interface LauncherConfig {
    serverHeldKey:
        { proxyBase: string; postHogHost: string; projectId: string; allowedTaskIds: readonly string[] } | undefined
    /** The origins the deployment lets frame the app (CSP frame-ancestors); undefined when the server did not say. */
    embedAllowedOrigins: readonly string[] | undefined
    /** ALLOWED_POSTHOG_HOSTS in browser-key mode; undefined when the server did not say (then the clouds only). */
    allowedPostHogHosts: readonly string[] | undefined
    /** EMBED_HOST_SUBMIT: a host page's submit starts a run without the user's click in the frame. */
    embedHostSubmit: boolean
    /** Set when the server switched cancelling or messaging runs off; absent means both are allowed. */
    runControls?: RunControls
}

export interface RunControls {
    cancel: boolean
    messages: boolean
}

export const BROWSER_KEY_MODE: LauncherConfig = {
    serverHeldKey: undefined,
    embedAllowedOrigins: undefined,
    allowedPostHogHosts: undefined,
    embedHostSubmit: false,
}

// Built on first use: the config is asked for once the browser is idle, and the first paint need not build it.
const configSchema = lazyValue(() =>
    z.object({
        serverHeldKey: z.boolean(),
        postHogHost: z.optional(z.string()),
        projectId: z.optional(z.string()),
        proxyBase: z.optional(z.string().check(z.regex(/^\/[\w/-]*$/))),
        allowedTaskIds: z.optional(z.array(z.string())),
        embedAllowedOrigins: z.optional(z.array(z.string())),
        allowedPostHogHosts: z.optional(z.array(z.string())),
        embedHostSubmit: z.optional(z.boolean()),
        allowCancel: z.optional(z.boolean()),
        allowMessages: z.optional(z.boolean()),
    })
)

export function parseLauncherConfig(data: unknown): LauncherConfig {
    const parsed = configSchema().safeParse(data)
    if (!parsed.success) return BROWSER_KEY_MODE
    const { postHogHost, projectId, proxyBase, allowedTaskIds, embedAllowedOrigins, allowedPostHogHosts } = parsed.data
    const embedHostSubmit = parsed.data.embedHostSubmit ?? false
    const { allowCancel, allowMessages } = parsed.data
    const controls =
        allowCancel === false || allowMessages === false
            ? { runControls: { cancel: allowCancel ?? true, messages: allowMessages ?? true } }
            : {}
    if (!parsed.data.serverHeldKey || !postHogHost || !projectId || !proxyBase) {
        return { ...BROWSER_KEY_MODE, embedAllowedOrigins, allowedPostHogHosts, embedHostSubmit, ...controls }
    }
    return {
        serverHeldKey: { proxyBase, postHogHost, projectId, allowedTaskIds: allowedTaskIds ?? [] },
        embedAllowedOrigins,
        allowedPostHogHosts: undefined,
        embedHostSubmit,
        ...controls,
    }
}

/** Asks the deployment's server which mode it runs in; anything but a valid answer means browser-key mode. */
export async function fetchLauncherConfig(signal: AbortSignal): Promise<LauncherConfig> {
    try {
        const response = await fetch('/launcher/config.json', { signal, credentials: 'same-origin' })
        const type = response.headers.get('content-type') ?? ''
        if (!response.ok || !type.includes('json')) return BROWSER_KEY_MODE
        return parseLauncherConfig(await response.json())
    } catch {
        return BROWSER_KEY_MODE
    }
}
