import { describe, expect, it } from 'vitest'

import { readClientAddress, UNKNOWN_CLIENT } from './readClientAddress.ts'

describe('readClientAddress', () => {
    it.each([
        [
            'the socket address',
            { socketAddress: '203.0.113.7', forwardedFor: undefined, trustProxy: false },
            '203.0.113.7',
        ],
        [
            'the socket, ignoring a forged X-Forwarded-For',
            { socketAddress: '203.0.113.7', forwardedFor: '198.51.100.1', trustProxy: false },
            '203.0.113.7',
        ],
        [
            'the entry the trusted proxy appended (the last one)',
            { socketAddress: '10.0.0.2', forwardedFor: '198.51.100.1, 203.0.113.9', trustProxy: true },
            '203.0.113.9',
        ],
        [
            'the socket when a trusted proxy sent no header',
            { socketAddress: '10.0.0.2', forwardedFor: undefined, trustProxy: true },
            '10.0.0.2',
        ],
        [
            'an IPv4-mapped IPv6 socket as IPv4',
            { socketAddress: '::ffff:127.0.0.1', forwardedFor: undefined, trustProxy: false },
            '127.0.0.1',
        ],
        [
            'an IPv6 address as its /64',
            { socketAddress: '2001:db8:aa:bb:1:2:3:4', forwardedFor: undefined, trustProxy: false },
            '2001:db8:aa:bb::/64',
        ],
        [
            'a compressed IPv6 address as its /64',
            { socketAddress: '2001:db8::1', forwardedFor: undefined, trustProxy: false },
            '2001:db8:0:0::/64',
        ],
        ['loopback IPv6', { socketAddress: '::1', forwardedFor: undefined, trustProxy: false }, '0:0:0:0::/64'],
        ['nothing known', { socketAddress: undefined, forwardedFor: undefined, trustProxy: false }, UNKNOWN_CLIENT],
        [
            'garbage from the proxy as unknown',
            { socketAddress: '10.0.0.2', forwardedFor: 'not-an-ip', trustProxy: true },
            UNKNOWN_CLIENT,
        ],
    ])('uses %s', (_label, input, expected) => {
        expect(readClientAddress(input)).toBe(expected)
    })

    it('puts every address of one /64 in one bucket', () => {
        const a = readClientAddress({ socketAddress: '2001:db8:1:2::a', forwardedFor: undefined, trustProxy: false })
        const b = readClientAddress({
            socketAddress: '2001:db8:1:2:ffff::b',
            forwardedFor: undefined,
            trustProxy: false,
        })
        expect(a).toBe(b)
    })
})
