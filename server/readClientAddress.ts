import { isIP } from 'node:net'

export interface ClientAddressInput {
    socketAddress: string | undefined
    forwardedFor: string | undefined
    // only behind a reverse proxy that appends the client address to X-Forwarded-For
    trustProxy: boolean
}

export const UNKNOWN_CLIENT = 'unknown'

// The rate-limit key for a client: its IPv4 address, or its IPv6 /64 (one subscriber usually holds a whole /64).
export function readClientAddress(input: ClientAddressInput): string {
    // the last entry is the one our own proxy appended; earlier ones are whatever the client claimed
    const forwarded = input.trustProxy ? input.forwardedFor?.split(',').at(-1)?.trim() : undefined
    const address = forwarded !== undefined && forwarded !== '' ? forwarded : input.socketAddress
    if (address === undefined) {
        return UNKNOWN_CLIENT
    }
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
    if (mapped !== undefined) {
        return mapped
    }
    const version = isIP(address)
    if (version === 4) {
        return address
    }
    if (version === 6) {
        return `${expandIpv6(address).slice(0, 4).join(':')}::/64`
    }
    return UNKNOWN_CLIENT
}

function expandIpv6(address: string): string[] {
    const withoutZone = address.split('%')[0] ?? address
    const [head = '', tail] = withoutZone.split('::')
    const headGroups = head === '' ? [] : head.split(':')
    const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
    const zeros = Array.from({ length: Math.max(0, 8 - headGroups.length - tailGroups.length) }, () => '0')
    const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups]
    return groups.map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
}
