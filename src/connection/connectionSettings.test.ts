import { describe, expect, it } from 'vitest'

import { EMPTY_SETTINGS, hostOf, loadSettingsHost, parseSettings, settingsForHost } from './connectionSettings.ts'

describe('connection settings', () => {
    it.each([
        [null, EMPTY_SETTINGS],
        ['not json', EMPTY_SETTINGS],
        ['{"hostChoice":"mars","customHost":"","projectId":"1"}', EMPTY_SETTINGS],
        ['[]', EMPTY_SETTINGS],
        [
            '{"hostChoice":"eu","customHost":"","projectId":"42","extra":true}',
            { hostChoice: 'eu', customHost: '', projectId: '42' },
        ],
    ])('parses %s', (text, expected) => {
        expect(parseSettings(text)).toEqual(expected)
    })

    it('maps hosts to choices and back', () => {
        expect(hostOf(settingsForHost(EMPTY_SETTINGS, 'https://eu.posthog.com'))).toBe('https://eu.posthog.com')
        expect(settingsForHost(EMPTY_SETTINGS, 'http://127.0.0.1:8000')).toEqual({
            hostChoice: 'custom',
            customHost: 'http://127.0.0.1:8000',
            projectId: '',
        })
    })

    it.each<[string | null, string | undefined]>([
        [null, undefined],
        ['garbage', undefined],
        ['{"hostChoice":"us","customHost":"","projectId":""}', 'https://us.posthog.com'],
        ['{"hostChoice":"custom","customHost":"posthog.example.com/x","projectId":"1"}', 'https://posthog.example.com'],
        ['{"hostChoice":"custom","customHost":"http://evil.example","projectId":"1"}', undefined],
    ])('the saved host of %s is %s', (text, host) => {
        const storage = { getItem: () => text }
        expect(loadSettingsHost(storage)).toBe(host)
    })
})
