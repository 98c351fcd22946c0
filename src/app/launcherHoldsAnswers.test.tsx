import { notifyManager } from '@tanstack/react-query'
import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { parseEmbedParams } from '../embed/parseEmbedParams.ts'
import { readLocationPrefill } from '../links/readLocationPrefill.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { App } from './App.tsx'

afterEach(() => {
    vi.useRealTimers()
})

describe('the launcher', () => {
    it("holds react-query's notifications while the user types fast, from the moment it loads until it unmounts", async () => {
        const user = userEvent.setup()
        const view = render(<App prefill={readLocationPrefill(BUNDLED_FIELD_MODEL)} embed={parseEmbedParams('')} />)
        await user.click(await screen.findByRole('button', { name: 'Connect to PostHog' }, { timeout: 5000 }))
        await screen.findByRole('radio', { name: /Self-hosted/ }, { timeout: 5000 })
        const message = screen.getByLabelText(/^Pending user message/)

        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
        const held = vi.fn()
        fireEvent.keyDown(message, { key: 'f' })
        notifyManager.schedule(held)
        vi.advanceTimersByTime(40)
        expect(held).not.toHaveBeenCalled()
        vi.advanceTimersByTime(10)
        expect(held).toHaveBeenCalledTimes(1)
        vi.useRealTimers()

        view.unmount()
        const notified = vi.fn()
        const textarea = document.body.appendChild(document.createElement('textarea'))
        fireEvent.keyDown(textarea, { key: 'f' })
        notifyManager.schedule(notified)
        await new Promise((resolve) => setTimeout(resolve, 5))
        expect(notified).toHaveBeenCalledTimes(1)
        textarea.remove()
    }, 30_000)
})
