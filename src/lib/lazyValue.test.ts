import { describe, expect, it, vi } from 'vitest'

import { lazyValue } from './lazyValue.ts'

describe('lazyValue', () => {
    it('builds nothing until asked, then builds once', () => {
        const build = vi.fn(() => ({ built: true }))
        const value = lazyValue(build)
        expect(build).not.toHaveBeenCalled()
        const first = value()
        expect(value()).toBe(first)
        expect(build).toHaveBeenCalledTimes(1)
    })

    it('keeps a built undefined without building again', () => {
        const build = vi.fn((): undefined => undefined)
        const value = lazyValue(build)
        value()
        value()
        expect(build).toHaveBeenCalledTimes(1)
    })
})
