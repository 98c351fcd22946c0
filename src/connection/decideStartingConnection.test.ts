import { describe, expect, it } from 'vitest'

import { EU_CLOUD, US_CLOUD } from '../api/postHogHosts.ts'
import { EMPTY_SETTINGS, hostOf, type ConnectionSettings } from './connectionSettings.ts'
import { decideStartingConnection, type StartingConnectionInput } from './decideStartingConnection.ts'
import type { RememberedKey } from './keyStore.ts'

const SELF = 'https://posthog.example.com'
const OTHER = 'https://attacker.example'
const LOCAL_A = 'http://127.0.0.1:5301'
const LOCAL_B = 'http://127.0.0.1:5399'
const DEPLOYMENT = ['http://127.0.0.1:*', US_CLOUD, EU_CLOUD]

const SELF_SETTINGS: ConnectionSettings = { hostChoice: 'custom', customHost: SELF, projectId: '7' }

function remembered(host: string): RememberedKey {
    return { apiKey: 'phx_remembered', host, persistence: 'local' }
}

function decide(overrides: Partial<StartingConnectionInput>) {
    return decideStartingConnection({
        stored: EMPTY_SETTINGS,
        storedHost: undefined,
        remembered: undefined,
        link: {},
        allowedPostHogHosts: DEPLOYMENT,
        serverHeldKey: false,
        ...overrides,
    })
}

describe('decideStartingConnection', () => {
    it('connects a returning user to the remembered key’s own host', () => {
        const start = decide({
            stored: SELF_SETTINGS,
            storedHost: SELF,
            remembered: remembered(SELF),
            allowedPostHogHosts: [SELF],
        })
        expect(start).toMatchObject({ apiKey: 'phx_remembered', autoConnect: true, notice: undefined })
        expect(hostOf(start.settings)).toBe(SELF)
    })

    it('follows the key, not stale settings, when they name another host', () => {
        const start = decide({
            stored: { ...SELF_SETTINGS, customHost: OTHER },
            storedHost: OTHER,
            remembered: remembered(SELF),
            allowedPostHogHosts: undefined,
        })
        expect(hostOf(start.settings)).toBe(SELF)
        expect(start.autoConnect).toBe(true)
    })

    it('connects to a link’s host when the remembered key belongs to it', () => {
        const start = decide({
            remembered: remembered(LOCAL_A),
            link: { host: `${LOCAL_A}/`, projectId: '1' },
        })
        expect(start).toMatchObject({ apiKey: 'phx_remembered', autoConnect: true, notice: undefined })
        expect(start.settings).toEqual({ hostChoice: 'custom', customHost: LOCAL_A, projectId: '1' })
    })

    it.each<[string, readonly string[] | undefined, string]>([
        ['another allowed host', DEPLOYMENT, LOCAL_B],
        ['a cloud host without a server', undefined, EU_CLOUD],
    ])('asks before connecting to %s: empty key, nothing checked', (_name, allowed, linkHost) => {
        const start = decide({
            stored: { hostChoice: 'custom', customHost: LOCAL_A, projectId: '1' },
            storedHost: LOCAL_A,
            remembered: remembered(LOCAL_A),
            link: { host: linkHost, projectId: '2' },
            allowedPostHogHosts: allowed,
        })
        expect(start).toMatchObject({
            apiKey: '',
            autoConnect: false,
            persistence: 'local',
            notice: { kind: 'ask', host: linkHost, rememberedHost: LOCAL_A },
        })
        expect(hostOf(start.settings)).toBe(linkHost)
        expect(start.settings.projectId).toBe('2')
        expect(start.rememberedSettings).toEqual({ hostChoice: 'custom', customHost: LOCAL_A, projectId: '1' })
    })

    it('refuses a host outside the deployment’s list, naming the setting, and keeps the user’s own', () => {
        const start = decide({
            stored: SELF_SETTINGS,
            storedHost: SELF,
            remembered: remembered(US_CLOUD),
            link: { host: OTHER, projectId: '99' },
            allowedPostHogHosts: [US_CLOUD],
        })
        expect(start.notice).toEqual({ kind: 'refused', host: OTHER, message: expect.stringContaining(OTHER) })
        expect(start.notice?.kind === 'refused' && start.notice.message).toContain('ALLOWED_POSTHOG_HOSTS')
        expect(hostOf(start.settings)).toBe(US_CLOUD)
        expect(start.settings.projectId).toBe('7')
        expect(start.autoConnect).toBe(false)
    })

    it.each<[string, string | undefined, boolean]>([
        [OTHER, undefined, false],
        [OTHER, OTHER, true],
        [US_CLOUD, undefined, true],
        [LOCAL_A, undefined, false],
    ])('without a server, a link to %s (user’s own host %s) is allowed: %s', (host, storedHost, allowed) => {
        const start = decide({ link: { host }, storedHost, allowedPostHogHosts: undefined })
        expect(start.notice?.kind === 'refused').toBe(!allowed)
        if (!allowed) {
            expect(start.notice?.kind === 'refused' && start.notice.message).toContain('Self-hosted')
        }
    })

    it('refuses a link host that is no PostHog address', () => {
        const start = decide({ link: { host: 'http://posthog.example.com' } })
        expect(start.notice).toMatchObject({ kind: 'refused', message: expect.stringContaining('https://') })
    })

    it('does not use a remembered key for a host the deployment no longer allows', () => {
        const start = decide({
            stored: SELF_SETTINGS,
            storedHost: SELF,
            remembered: remembered(SELF),
            allowedPostHogHosts: [US_CLOUD],
        })
        expect(start).toMatchObject({ apiKey: '', autoConnect: false })
    })

    it('needs a project to check at once', () => {
        const start = decide({ remembered: remembered(US_CLOUD), storedHost: US_CLOUD })
        expect(start).toMatchObject({ apiKey: 'phx_remembered', autoConnect: false })
    })

    it('leaves hosts and keys alone when the server holds the key', () => {
        const start = decide({
            remembered: remembered(US_CLOUD),
            link: { host: OTHER, projectId: '3' },
            serverHeldKey: true,
        })
        expect(start).toMatchObject({ apiKey: '', autoConnect: false, notice: undefined })
    })
})
