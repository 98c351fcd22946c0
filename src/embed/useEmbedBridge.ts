import { useCallback, useMemo, useState } from 'react'
import type { RefObject } from 'react'

import type { ApiError } from '../api/ApiError.ts'
import type { EmbedWindow } from './createEmbedChannel.ts'
import { buildRunStatusMessage, buildSubmittedMessage, type RunIdentity } from './embedMessages.ts'
import type { HostSubmitPolicy } from './hostSubmitPolicy.ts'
import type { EmbedParams } from './parseEmbedParams.ts'
import { splitLockedValues } from './splitLockedValues.ts'
import { useEmbedChannel } from './useEmbedChannel.ts'
import type { RunFormHandle } from '../form/RunForm.tsx'
import type { FieldModel } from '../schema/fieldModel.ts'
import { decodeFieldValues, type DecodedFieldValues } from '../links/decodeFieldValues.ts'
import { prefillProblem } from '../links/prefillProblem.ts'
import {
    buildFieldLockedReply,
    buildSetValuesReplies,
    buildSubmitDeclinedReply,
    buildSubmitPendingReply,
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
    /** Fields the launcher's address locked: set-values never changes them. */
    lockedFields: ReadonlySet<string>
    /** Whether a host's submit starts the run or asks the user in the frame first (hostSubmitPolicy). */
    hostSubmit: HostSubmitPolicy
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
    /** The host page's origin while it waits for the user to start the run it asked for. */
    submitRequest: { origin: string } | undefined
    /** The user's click on "Start run" in the request: submits the form as they see it. */
    confirmHostSubmit: () => void
    dismissHostSubmit: () => void
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
    const [submitRequest, setSubmitRequest] = useState<{ origin: string } | undefined>()

    const channel = useEmbedChannel({
        params,
        contentRef: options.contentRef,
        onSetValues: (raw) => {
            // What the user is asked to start must be what they looked at.
            if (submitRequest) {
                channel.send(buildSubmitPendingReply())
                return
            }
            const decoded = decodeFieldValues(model, Object.entries(raw))
            const { applied, refused } = splitLockedValues(decoded.values, options.lockedFields)
            form.current?.setValues(applied)
            const locked = refused.map((name) =>
                prefillProblem('locked', name, 'locked by the launcher’s address, so the host page cannot change it.')
            )
            const shown = { ...decoded, problems: [...decoded.problems, ...locked] }
            setHost((previous) => ({
                key: previous.key + 1,
                problems: shown.problems.length > 0 ? shown : undefined,
            }))
            for (const reply of buildSetValuesReplies(decoded)) channel.send(reply)
            if (refused.length > 0) channel.send(buildFieldLockedReply(refused))
        },
        onSubmit: () => {
            if (!submitAllowed || params.parentOrigin === undefined) channel.send(buildSubmitRefusedReply())
            else if (options.hostSubmit === 'direct') form.current?.submit()
            else setSubmitRequest({ origin: params.parentOrigin })
        },
        getSecrets: options.getSecrets,
        ...(options.embedWindow ? { embedWindow: options.embedWindow } : {}),
        ...(options.referrer === undefined ? {} : { referrer: options.referrer }),
    })
    const { send, active } = channel

    // Any outcome of a submit, the user's own included, answers a pending request from the host.
    const notifySubmitted = useCallback(
        (run: RunIdentity & { link: string }) => {
            setSubmitRequest(undefined)
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
            setSubmitRequest(undefined)
            send(buildSubmitFailedReply(error.info))
        },
        [send]
    )
    const notifySubmitBlocked = useCallback(
        (blocker: SubmitBlocker) => {
            setSubmitRequest(undefined)
            send(buildSubmitBlockedReply(blocker))
        },
        [send]
    )
    const notifyInvalid = useCallback(
        (fieldNames: readonly string[]) => {
            setSubmitRequest(undefined)
            send(buildSubmitInvalidReply(fieldNames))
        },
        [send]
    )

    const confirmHostSubmit = useCallback(() => {
        setSubmitRequest(undefined)
        form.current?.submit()
    }, [form])
    const dismissHostSubmit = useCallback(() => {
        setSubmitRequest(undefined)
        send(buildSubmitDeclinedReply())
    }, [send])

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
            submitRequest,
            confirmHostSubmit,
            dismissHostSubmit,
        }),
        [
            active,
            host,
            notifySubmitted,
            notifyRunStatus,
            notifySubmitFailed,
            notifySubmitBlocked,
            notifyInvalid,
            submitRequest,
            confirmHostSubmit,
            dismissHostSubmit,
        ]
    )
}
