import { PROXY_BASE } from './createPostHogProxy.ts'
import type { ServerConfig } from './parseServerConfig.ts'

// GET /launcher/config.json: how the app should talk to PostHog here; never the key.
export type LauncherConfig = RunControlSwitches &
    (
        | {
              serverHeldKey: false
              // the hosts the CSP lets the browser reach; others will fail
              allowedPostHogHosts: string[]
              embedAllowedOrigins: string[]
              // may a host page's submit start a run without a click in the frame (EMBED_HOST_SUBMIT)
              embedHostSubmit: boolean
          }
        | {
              serverHeldKey: true
              // for links into PostHog
              postHogHost: string
              projectId: string
              // absent: every task of the project
              allowedTaskIds?: string[]
              proxyBase: typeof PROXY_BASE
              embedAllowedOrigins: string[]
              embedHostSubmit: boolean
          }
    )

// present only when the operator switched one off, so the app hides the control
interface RunControlSwitches {
    allowCancel?: false
    allowMessages?: false
}

export function buildLauncherConfig(config: ServerConfig): LauncherConfig {
    const embedAllowedOrigins = [...config.embedAllowedOrigins]
    const { embedHostSubmit } = config
    const held = config.serverHeldKey
    const switches: RunControlSwitches = {
        ...(config.allowRunCancel ? {} : { allowCancel: false }),
        ...(config.allowRunMessages ? {} : { allowMessages: false }),
    }
    if (held === null) {
        const allowedPostHogHosts = [...config.allowedPostHogHosts]
        return { serverHeldKey: false, allowedPostHogHosts, embedAllowedOrigins, embedHostSubmit, ...switches }
    }
    return {
        serverHeldKey: true,
        postHogHost: held.publicHost,
        projectId: held.projectId,
        ...(held.allowedTaskIds === null ? {} : { allowedTaskIds: [...held.allowedTaskIds] }),
        proxyBase: PROXY_BASE,
        embedAllowedOrigins,
        embedHostSubmit,
        ...switches,
    }
}
