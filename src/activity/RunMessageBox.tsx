import { useMutation } from '@tanstack/react-query'
import { useId, useState, type ReactNode } from 'react'

import type { PostHogClient } from '../api/createPostHogClient.ts'
import { sendRunMessageMutationOptions } from '../api/sendRunMessageMutationOptions.ts'

interface RunMessageBoxProps {
    client: PostHogClient
    taskId: string
    runId: string
    onSent: (text: string) => void
}

/** Writes to a running interactive run; the message shows in the activity at once. */
export function RunMessageBox({ client, taskId, runId, onSent }: RunMessageBoxProps): ReactNode {
    const id = useId()
    const [text, setText] = useState('')
    const send = useMutation(sendRunMessageMutationOptions(client))
    return (
        <form
            className="activity-message"
            onSubmit={(event) => {
                event.preventDefault()
                const content = text.trim()
                if (content === '' || send.isPending) return
                send.mutate(
                    { taskId, runId, content },
                    {
                        onSuccess: () => {
                            onSent(content)
                            setText('')
                        },
                    }
                )
            }}
        >
            <label htmlFor={`${id}-message`}>Message to the run</label>
            <textarea
                id={`${id}-message`}
                rows={2}
                value={text}
                aria-describedby={send.isError ? `${id}-error` : undefined}
                onChange={(event) => {
                    setText(event.target.value)
                }}
            />
            {send.isError ? (
                <p id={`${id}-error`} className="field-error" role="alert">
                    The message was not sent: {send.error.message}
                </p>
            ) : null}
            <div className="submit-bar">
                <button type="submit" className="button secondary" disabled={send.isPending || text.trim() === ''}>
                    {send.isPending ? 'Sending…' : 'Send message'}
                </button>
            </div>
        </form>
    )
}
