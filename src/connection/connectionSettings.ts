import * as z from 'zod/mini'

import { EU_CLOUD, normalizeHost, US_CLOUD } from '../api/postHogHosts.ts'
import { storageKey } from '../lib/storageKey.ts'

export type HostChoice = 'us' | 'eu' | 'custom'

/** The non-secret half of a connection: safe to remember on this device. */
export interface ConnectionSettings {
    hostChoice: HostChoice
    customHost: string
    projectId: string
}

export const EMPTY_SETTINGS: ConnectionSettings = { hostChoice: 'us', customHost: '', projectId: '' }

const STORAGE_KEY = storageKey('connection:v1')

const SettingsSchema = z.object({
    hostChoice: z.enum(['us', 'eu', 'custom']),
    customHost: z.string().check(z.maxLength(2000)),
    projectId: z.string().check(z.maxLength(40)),
})

export function hostOf(settings: ConnectionSettings): string {
    if (settings.hostChoice === 'us') return US_CLOUD
    if (settings.hostChoice === 'eu') return EU_CLOUD
    return settings.customHost
}

/** The settings for a host from a link: a cloud host selects its choice, anything else is self-hosted. */
export function settingsForHost(settings: ConnectionSettings, host: string): ConnectionSettings {
    if (host === US_CLOUD) return { ...settings, hostChoice: 'us' }
    if (host === EU_CLOUD) return { ...settings, hostChoice: 'eu' }
    return { ...settings, hostChoice: 'custom', customHost: host }
}

export function parseSettings(text: string | null): ConnectionSettings {
    if (text === null) return EMPTY_SETTINGS
    try {
        const parsed = SettingsSchema.safeParse(JSON.parse(text))
        return parsed.success ? parsed.data : EMPTY_SETTINGS
    } catch {
        return EMPTY_SETTINGS
    }
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined): ConnectionSettings {
    try {
        return parseSettings(storage?.getItem(STORAGE_KEY) ?? null)
    } catch {
        return EMPTY_SETTINGS
    }
}

/** The PostHog origin of the saved settings: a host the user checked themselves; undefined when none was saved. */
export function loadSettingsHost(storage: Pick<Storage, 'getItem'> | undefined): string | undefined {
    let text: string | null
    try {
        text = storage?.getItem(STORAGE_KEY) ?? null
    } catch {
        return undefined
    }
    if (text === null) return undefined
    const settings = parseSettings(text)
    if (settings === EMPTY_SETTINGS) return undefined
    const host = normalizeHost(hostOf(settings))
    return host.ok ? host.host : undefined
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | undefined, settings: ConnectionSettings): void {
    try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(settings))
    } catch {
        // Not remembering the host and project is an inconvenience, not an error.
    }
}
