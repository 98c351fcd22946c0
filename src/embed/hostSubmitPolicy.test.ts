import { describe, expect, it } from 'vitest'

import { hostSubmitPolicy, type HostSubmitPolicy } from './hostSubmitPolicy.ts'

describe('hostSubmitPolicy', () => {
    it.each<[boolean, boolean, HostSubmitPolicy]>([
        [false, false, 'ask-user'],
        [false, true, 'direct'],
        [true, false, 'direct'],
        [true, true, 'direct'],
    ])('server-held key %s, EMBED_HOST_SUBMIT %s → %s', (serverHeldKey, embedHostSubmit, policy) => {
        expect(hostSubmitPolicy({ serverHeldKey, embedHostSubmit })).toBe(policy)
    })
})
