import { vi } from 'vitest'

import type { RunFormHandle } from '../form/RunForm.tsx'
import type { EmbedMessageListener, EmbedWindow } from './createEmbedChannel.ts'

/** For the embed hooks' tests: a parent window that records what it is sent, and a form handle of spies. */
export function createTestEmbedHost() {
    const posted: unknown[] = []
    const listeners = new Set<EmbedMessageListener>()
    const parent = {
        postMessage: (message: unknown) => {
            posted.push(message)
        },
    }
    const embedWindow: EmbedWindow = {
        parent,
        addEventListener: (_type, listener) => listeners.add(listener),
        removeEventListener: (_type, listener) => listeners.delete(listener),
    }
    const form: RunFormHandle = {
        setValues: vi.fn(),
        submit: vi.fn(),
        getValues: vi.fn(() => ({})),
        focus: vi.fn(),
        endSubmit: vi.fn(),
    }
    return { posted, listeners, parent, embedWindow, form }
}
