import { normalizeProjectId } from '../api/normalizeProjectId.ts'
import { CLOUD_HOSTS, isHostAllowed, normalizeHost } from '../api/postHogHosts.ts'
import { hostOf, settingsForHost, type ConnectionSettings } from './connectionSettings.ts'
import type { KeyPersistence, RememberedKey } from './keyStore.ts'

/** The setting that lists the PostHog hosts a deployment lets its users reach. */
export const ALLOWED_HOSTS_SETTING = 'ALLOWED_POSTHOG_HOSTS'

/** What the user is told about the host a link (or an embed URL) named. */
export type LinkHostNotice =
    /** The link names another host than the remembered key's: the key stays home and the user is asked. */
    | { kind: 'ask'; host: string; rememberedHost: string }
    /** The link's host is not one this launcher may reach: it is ignored. */
    | { kind: 'refused'; host: string; message: string }

export interface StartingConnection {
    settings: ConnectionSettings
    /** The key for the key field: only a remembered key bound to the settings' host. */
    apiKey: string
    persistence: KeyPersistence
    /** Check at once: a remembered key for this very host, and a project to check it against. */
    autoConnect: boolean
    notice: LinkHostNotice | undefined
    /** The stored settings pointed at the remembered key's host, for "keep using" after an ask. */
    rememberedSettings: ConnectionSettings | undefined
}

export interface StartingConnectionInput {
    /** The connection settings saved on this device (the defaults when none were). */
    stored: ConnectionSettings
    /** The host of the saved settings, when settings were saved: the user checked it themselves. */
    storedHost: string | undefined
    remembered: RememberedKey | undefined
    /** What the address asked for. */
    link: { host?: string | undefined; projectId?: string | undefined }
    /** The deployment's ALLOWED_POSTHOG_HOSTS; undefined when no server said (static hosting, dev server). */
    allowedPostHogHosts: readonly string[] | undefined
    /** The deployment's server holds the key: hosts and keys in the browser do not matter. */
    serverHeldKey: boolean
}

/** Whether a link may name this host: the deployment's list, or without one the clouds and the user's own host. */
function refusal(
    host: string,
    allowedPostHogHosts: readonly string[] | undefined,
    storedHost: string | undefined
): string | undefined {
    if (allowedPostHogHosts !== undefined) {
        if (isHostAllowed(host, allowedPostHogHosts)) return undefined
        const allowed = allowedPostHogHosts.length > 0 ? allowedPostHogHosts.join(', ') : 'none'
        return (
            `This launcher’s deployment does not allow ${host}: it allows ${allowed} (its ${ALLOWED_HOSTS_SETTING} ` +
            'setting). Ask its operator to add the host, or connect to one of these yourself.'
        )
    }
    if (CLOUD_HOSTS.includes(host) || host === storedHost) return undefined
    return (
        `This launcher runs without a server of its own, so a link may name only US Cloud or EU Cloud, not ${host}. ` +
        `To use it, choose Self-hosted and enter the address yourself (a deployment with its own server allows hosts ` +
        `with ${ALLOWED_HOSTS_SETTING}).`
    )
}

function withProject(settings: ConnectionSettings, projectId: string | undefined): ConnectionSettings {
    return projectId ? { ...settings, projectId } : settings
}

/**
 * Where the launcher starts: which host and project, which key in the field, whether to check at once, and what
 * to tell the user about the link's host. A remembered key is used only for the host it was checked against.
 */
export function decideStartingConnection(input: StartingConnectionInput): StartingConnection {
    const { stored, storedHost, link, allowedPostHogHosts } = input
    if (input.serverHeldKey) {
        const settings = withProject(link.host ? settingsForHost(stored, link.host) : stored, link.projectId)
        return {
            settings,
            apiKey: '',
            persistence: 'memory',
            autoConnect: false,
            notice: undefined,
            rememberedSettings: undefined,
        }
    }
    // A remembered key for a host this deployment no longer allows stays unused.
    const remembered =
        input.remembered && refusal(input.remembered.host, allowedPostHogHosts, input.remembered.host) === undefined
            ? input.remembered
            : undefined
    const rememberedSettings = remembered ? settingsForHost(stored, remembered.host) : undefined
    const start = (
        settings: ConnectionSettings,
        notice: LinkHostNotice | undefined,
        connect: boolean
    ): StartingConnection => {
        const host = normalizeHost(hostOf(settings))
        const bound = remembered !== undefined && host.ok && host.host === remembered.host
        const project = normalizeProjectId(settings.projectId)
        return {
            settings,
            apiKey: bound ? remembered.apiKey : '',
            persistence: remembered?.persistence ?? 'memory',
            autoConnect: connect && bound && project.ok,
            notice,
            rememberedSettings,
        }
    }

    if (!link.host) return start(withProject(rememberedSettings ?? stored, link.projectId), undefined, true)

    const linkHost = normalizeHost(link.host)
    if (!linkHost.ok) {
        const message = `The link’s PostHog address ${link.host} cannot be used: ${linkHost.message}`
        return start(rememberedSettings ?? stored, { kind: 'refused', host: link.host, message }, false)
    }
    const host = linkHost.host
    const refused = refusal(host, allowedPostHogHosts, storedHost)
    if (refused !== undefined) {
        return start(rememberedSettings ?? stored, { kind: 'refused', host, message: refused }, false)
    }
    const settings = withProject(settingsForHost(stored, host), link.projectId)
    if (remembered && remembered.host !== host) {
        return start(settings, { kind: 'ask', host, rememberedHost: remembered.host }, false)
    }
    return start(settings, undefined, true)
}
