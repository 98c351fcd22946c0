import { useState, type ReactNode } from 'react'

/** Copies text to the clipboard and says so; falls back to telling the user to copy by hand. */
export function CopyButton({ text, label }: { text: string; label: string }): ReactNode {
    const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
    return (
        <span className="copy">
            <button
                type="button"
                className="button secondary small"
                onClick={() => {
                    navigator.clipboard.writeText(text).then(
                        () => {
                            setState('copied')
                        },
                        () => {
                            setState('failed')
                        }
                    )
                }}
            >
                {label}
            </button>
            <span role="status" className="copy-status">
                {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy blocked: select the text and copy it' : ''}
            </span>
        </span>
    )
}
