import { describe, expect, it } from 'vitest'

import { isHostAllowed, parseAllowedHost } from './allowedHosts.ts'

describe('parseAllowedHost', () => {
    it.each([
        ['launcher.example.com', 'launcher.example.com'],
        ['Launcher.Example.COM', 'launcher.example.com'],
        ['launcher.example.com:8443', 'launcher.example.com:8443'],
        ['10.0.0.5', '10.0.0.5'],
        ['[::1]:8080', '[::1]:8080'],
        ['example.com:80', 'example.com:80'],
    ])('reads %s', (entry, host) => {
        expect(parseAllowedHost(entry)).toEqual({ ok: true, host })
    })

    it.each([
        'https://launcher.example.com',
        'launcher.example.com/app',
        '*.example.com',
        'user@launcher.example.com',
        'launcher.example.com:99999',
        'launcher.example.com:0080',
        '127.1',
        '::1',
        '',
    ])('refuses %j', (entry) => {
        expect(parseAllowedHost(entry)).toEqual({ ok: false })
    })
})

describe('isHostAllowed', () => {
    const allowed = ['launcher.example.com', '10.0.0.5:8080', '[::1]']

    it.each([
        ['launcher.example.com', true],
        ['LAUNCHER.example.com:443', true],
        ['10.0.0.5:8080', true],
        ['10.0.0.5', false],
        ['10.0.0.5:9090', false],
        ['[::1]:5174', true],
        ['rebind.evil.example', false],
        ['launcher.example.com.evil.example', false],
        ['launcher.example.com@evil.example', false],
        ['', false],
        [undefined, false],
    ])('%j → %s', (host, expected) => {
        expect(isHostAllowed(host, allowed)).toBe(expected)
    })
})
