/** What whenVisible reads of the document. */
export interface VisibilitySource {
    readonly visibilityState: DocumentVisibilityState
    addEventListener: (type: 'visibilitychange', listener: () => void) => void
    removeEventListener: (type: 'visibilitychange', listener: () => void) => void
}

/** Resolves at once in a visible tab; in a hidden one, when it is shown again (or the signal aborts). */
export function whenVisible(signal: AbortSignal, doc: VisibilitySource = document): Promise<void> {
    if (doc.visibilityState !== 'hidden' || signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
        const done = () => {
            doc.removeEventListener('visibilitychange', onChange)
            signal.removeEventListener('abort', done)
            resolve()
        }
        const onChange = () => {
            if (doc.visibilityState !== 'hidden') done()
        }
        doc.addEventListener('visibilitychange', onChange)
        signal.addEventListener('abort', done, { once: true })
    })
}
