import { describe, expect, it, vi } from 'vitest'

import { readLocationPrefill } from './readLocationPrefill.ts'
import { TEST_FIELD_MODEL } from './testFieldModel.ts'

function target(search: string, hash: string) {
    const replaceState = vi.fn<(data: unknown, unused: string, url?: string | URL | null) => void>()
    return {
        replaceState,
        target: { location: { pathname: '/launch', search, hash }, history: { state: { n: 1 }, replaceState } },
    }
}

describe('readLocationPrefill', () => {
    it('removes refused secrets from the address bar at once, keeping the rest and the history state', () => {
        const { replaceState, target: fake } = target('?model=m&api_key=phx_abcdef123', '#token=x&branch=main')
        const prefill = readLocationPrefill(TEST_FIELD_MODEL, fake)
        expect(prefill.values).toEqual({ model: 'm', branch: 'main' })
        expect(replaceState).toHaveBeenCalledExactlyOnceWith({ n: 1 }, '', '/launch?model=m#branch=main')
    })

    it('leaves a clean address alone', () => {
        const { replaceState, target: fake } = target('?model=m&colour=red', '')
        expect(readLocationPrefill(TEST_FIELD_MODEL, fake).problems).toHaveLength(1)
        expect(replaceState).not.toHaveBeenCalled()
    })

    it('still refuses the secret when the browser refuses replaceState', () => {
        const { replaceState, target: fake } = target('?github_user_token=abc', '')
        replaceState.mockImplementation(() => {
            throw new DOMException('denied', 'SecurityError')
        })
        const prefill = readLocationPrefill(TEST_FIELD_MODEL, fake)
        expect(prefill.values).toEqual({})
        expect(prefill.refusedSecrets).toEqual(['github_user_token'])
    })
})
