import { renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { useShareLink } from './useShareLink.ts'

describe('useShareLink', () => {
    it('builds a link from the current values, without secrets or defaults', () => {
        const { result } = renderHook(() => useShareLink(BUNDLED_FIELD_MODEL, 'https://launch.example.com/?x=1'))
        const link = result.current.buildLink(
            { model: 'claude-opus-5', mode: 'background', github_user_token: 'ghu_123', branch: 'main' },
            { projectId: '2' },
            { mode: 'fragment', lock: ['model'] }
        )
        expect(link).toEqual({
            url: 'https://launch.example.com/#v=1&project_id=2&model=claude-opus-5&branch=main&lock=model',
            tooLong: false,
            included: ['project_id', 'model', 'branch', 'lock'],
        })
    })

    it('defaults to the current page as the base', () => {
        const { result } = renderHook(() => useShareLink(BUNDLED_FIELD_MODEL))
        expect(result.current.buildLink({ model: 'm' }, {}, { mode: 'query' }).url).toBe(
            `${window.location.origin}${window.location.pathname}?v=1&model=m`
        )
    })

    it('keeps its functions stable across renders', () => {
        const { result, rerender } = renderHook(() => useShareLink(BUNDLED_FIELD_MODEL, 'https://a.example/'))
        const first = result.current
        rerender()
        expect(result.current).toBe(first)
    })

    it('copies the link, and says false when the clipboard refuses', async () => {
        const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValueOnce(undefined)
        writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'))
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
        const { result } = renderHook(() => useShareLink(BUNDLED_FIELD_MODEL, 'https://a.example/'))
        const link = result.current.buildLink({ model: 'm' }, {}, { mode: 'query' })
        await expect(result.current.copyLink(link)).resolves.toBe(true)
        await expect(result.current.copyLink(link)).resolves.toBe(false)
        expect(writeText).toHaveBeenCalledWith('https://a.example/?v=1&model=m')
    })
})
