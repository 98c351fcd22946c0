import { useCallback, useMemo, useState } from 'react'
import type { RefObject } from 'react'

import type { ApiError } from '../api/ApiError.ts'
import type { EmbedWindow } from './createEmbedChannel.ts'
import { buildRunStatusMessage, buildSubmittedMessage, type RunIdentity } from './embedMessages.ts'
import type { EmbedParams } from './parseEmbedParams.ts'
import { useEmbedChannel } from './useEmbedChannel.ts'
import type { RunFormHandle } from '../form/RunForm.tsx'
import type { FieldModel } from '../schema/fieldModel.ts'
import { decodeFieldValues, type DecodedFieldValues } from '../links/decodeFieldValues.ts'
import {
    buildSetValuesReplies,
    buildSubmitBlockedReply,
    buildSubmitFailedReply,
    buildSubmitInvalidReply,
    buildSubmitRefusedReply,
    type SubmitBlocker,
} from './embedReplies.ts'

export interface UseEmbedBridgeOptions {
    params: EmbedParams
    model: FieldModel
    /** The element wrapping all content, whose height the host is told. */
    contentRef: RefObject<HTMLElement | null>
    form: RefObject<RunFormHandle | null>
    /** The API key and sensitive field values now held: no message to the host may contain one. */
    getSecrets: () => readonly string[]
    /** Tests pass a fake window and referrer. */
    embedWindow?: EmbedWindow
    referrer?: string
}

export interface EmbedBridge {
    active: boolean
    /** What the host's last set-values could not apply, for the user (these messages may quote values). */
    hostProblems: DecodedFieldValues | undefined
    /** Changes with every set-values that had problems, so a dismissed notice comes back for new ones. */
    hostProblemsKey: number
    notifySubmitted: (run: RunIdentity & { link: string }) => void
    notifyRunStatus: (run: RunIdentity) => void
    notifySubmitFailed: (error: ApiError) => void
    notifySubmitBlocked: (blocker: SubmitBlocker) => void
    notifyInvalid: (fieldNames: readonly string[]) => void
}

/** The app's side of the embed protocol: host messages into the form, run events out, never a value or secret. */
export function useEmbedBridge(options: UseEmbedBridgeOptions): EmbedBridge {
    const { params, model, form } = options
    const [host, setHost] = useState<{ key: number; problems: DecodedFieldValues | undefined }>({
        key: 0,
        problems: undefined,
    })
    // Only an explicit parent_origin is trusted to start runs; the referrer fallback may prefill only.
    const submitAllowed = params.parentOriginGiven && params.parentOrigin !== undefined

    const channel = useEmbedChannel({
        params,
        contentRef: options.contentRef,
        onSetValues: (raw) => {
            const decoded = decodeFieldValues(model, Object.entries(raw))
            form.current?.setValues(decoded.values)
            setHost((previous) => ({
                key: previous.key + 1,
                problems: decoded.problems.length > 0 ? decoded : undefined,
            }))
            for (const reply of buildSetValuesReplies(decoded)) channel.send(reply)
        },
        onSubmit: () => {
            if (submitAllowed) form.current?.submit()
            else channel.send(buildSubmitRefusedReply())
        },
        getSecrets: options.getSecrets,
        ...(options.embedWindow ? { embedWindow: options.embedWindow } : {}),
        ...(options.referrer === undefined ? {} : { referrer: options.referrer }),
    })
    const { send, active } = channel

    const notifySubmitted = useCallback(
        (run: RunIdentity & { link: string }) => {
            send(buildSubmittedMessage(run))
        },
        [send]
    )
    const notifyRunStatus = useCallback(
        (run: RunIdentity) => {
            send(buildRunStatusMessage(run))
        },
        [send]
    )
    const notifySubmitFailed = useCallback(
        (error: ApiError) => {
            send(buildSubmitFailedReply(error.info))
        },
        [send]
    )
    const notifySubmitBlocked = useCallback(
        (blocker: SubmitBlocker) => {
            send(buildSubmitBlockedReply(blocker))
        },
        [send]
    )
    const notifyInvalid = useCallback(
        (fieldNames: readonly string[]) => {
            send(buildSubmitInvalidReply(fieldNames))
        },
        [send]
    )

    return useMemo(
        () => ({
            active,
            hostProblems: host.problems,
            hostProblemsKey: host.key,
            notifySubmitted,
            notifyRunStatus,
            notifySubmitFailed,
            notifySubmitBlocked,
            notifyInvalid,
        }),
        [active, host, notifySubmitted, notifyRunStatus, notifySubmitFailed, notifySubmitBlocked, notifyInvalid]
    )
}
