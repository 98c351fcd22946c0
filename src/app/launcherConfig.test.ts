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
        expect(parseLauncherConfig(data)).toEqual({ serverHeldKey: undefined })
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
        ).toEqual({
            serverHeldKey: {
                proxyBase: '/launcher/posthog',
                postHogHost: 'https://eu.posthog.com',
                projectId: '7',
                allowedTaskIds: [],
            },
        })
    })
})
