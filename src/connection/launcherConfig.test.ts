import { describe, expect, it } from 'vitest'

import { parseLauncherConfig } from './launcherConfig.ts'

describe('parseLauncherConfig', () => {
    it.each([
        [undefined],
        ['<html>'],
        [{ serverHeldKey: false }],
        [{ serverHeldKey: true }],
        [{ serverHeldKey: true, postHogHost: 'https://us.posthog.com', projectId: '1', proxyBase: 'http://evil' }],
    ])('falls back to browser-key mode for %j', (data) => {
        expect(parseLauncherConfig(data)).toStrictEqual({
            serverHeldKey: undefined,
            embedAllowedOrigins: undefined,
            allowedPostHogHosts: undefined,
            embedHostSubmit: false,
        })
    })

    it.each([
        [{ serverHeldKey: false, allowedPostHogHosts: [], embedAllowedOrigins: ['https://wiki.example'] }],
        [{ serverHeldKey: true, embedAllowedOrigins: ['https://wiki.example'] }],
    ])('reads the embed allow-list in either key mode: %j', (data) => {
        expect(parseLauncherConfig(data).embedAllowedOrigins).toEqual(['https://wiki.example'])
    })

    it('leaves the embed allow-list unknown when it is missing or malformed', () => {
        expect(parseLauncherConfig({ serverHeldKey: false }).embedAllowedOrigins).toBeUndefined()
        expect(
            parseLauncherConfig({ serverHeldKey: false, embedAllowedOrigins: 'x' }).embedAllowedOrigins
        ).toBeUndefined()
    })

    it('reads server-held key mode', () => {
        expect(
            parseLauncherConfig({
                serverHeldKey: true,
                postHogHost: 'https://eu.posthog.com',
                projectId: '7',
                proxyBase: '/launcher/posthog',
                embedAllowedOrigins: [],
            })
        ).toStrictEqual({
            serverHeldKey: {
                proxyBase: '/launcher/posthog',
                postHogHost: 'https://eu.posthog.com',
                projectId: '7',
                allowedTaskIds: [],
            },
            embedAllowedOrigins: [],
            allowedPostHogHosts: undefined,
            embedHostSubmit: false,
        })
    })

    it('reads the PostHog hosts a browser-key deployment allows', () => {
        const hosts = ['http://127.0.0.1:*', 'https://us.posthog.com']
        expect(parseLauncherConfig({ serverHeldKey: false, allowedPostHogHosts: hosts }).allowedPostHogHosts).toEqual(
            hosts
        )
        expect(parseLauncherConfig({ serverHeldKey: false }).allowedPostHogHosts).toBeUndefined()
    })

    it.each<[unknown, boolean]>([
        [{ serverHeldKey: false }, false],
        [{ serverHeldKey: false, embedHostSubmit: false }, false],
        [{ serverHeldKey: false, embedHostSubmit: true }, true],
        [{ serverHeldKey: true, embedHostSubmit: true }, true],
        [{ serverHeldKey: false, embedHostSubmit: 'true' }, false],
        [undefined, false],
    ])('reads embedHostSubmit from %j as %s, false unless exactly true', (data, expected) => {
        expect(parseLauncherConfig(data).embedHostSubmit).toBe(expected)
    })
})

describe('run controls', () => {
    it('are all allowed unless the server switched one off', () => {
        expect(parseLauncherConfig({ serverHeldKey: false }).runControls).toBeUndefined()
        expect(parseLauncherConfig({ serverHeldKey: false, allowMessages: false }).runControls).toEqual({
            cancel: true,
            messages: false,
        })
        const held = { serverHeldKey: true, postHogHost: 'https://us.posthog.com', projectId: '1', proxyBase: '/p' }
        expect(parseLauncherConfig({ ...held, allowCancel: false }).runControls).toEqual({
            cancel: false,
            messages: true,
        })
    })
})
