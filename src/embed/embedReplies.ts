import type { ApiErrorInfo } from '../api/ApiError.ts'
import { buildErrorMessage, type ErrorMessage } from './embedMessages.ts'
import type { DecodedFieldValues } from '../links/decodeFieldValues.ts'

// Names come from the host page itself, but a junk name must not bloat every reply.
const MAX_NAME_LENGTH = 40
const MAX_NAMES = 10
const SEE_LAUNCHER = 'The user sees the details in the launcher.'

function listNames(names: readonly string[]): string {
    const unique = [...new Set(names)].map((name) => {
        const points = Array.from(name)
        if (name === '') return '(no name)'
        return points.length > MAX_NAME_LENGTH ? `${points.slice(0, MAX_NAME_LENGTH).join('')}…` : name
    })
    const shown = unique.slice(0, MAX_NAMES).join(', ')
    return unique.length > MAX_NAMES ? `${shown} and ${unique.length - MAX_NAMES} more` : shown
}

/** What a set-values gets back: field names and reasons only, since the user-facing problems quote the values. */
export function buildSetValuesReplies(decoded: DecodedFieldValues): ErrorMessage[] {
    const replies: ErrorMessage[] = []
    // A secret inside a row (an MCP header value) is refused too, though the rest of its row applies.
    const secrets = [
        ...decoded.refusedSecrets,
        ...decoded.problems.filter((problem) => problem.reason === 'secret').map((problem) => problem.name),
    ]
    if (secrets.length > 0) {
        replies.push(
            buildErrorMessage(
                'secret-refused',
                `Not applied: ${listNames(secrets)}. Secrets are typed by the user, never sent by the host page.`
            )
        )
    }
    const unknown = decoded.problems.filter((problem) => problem.reason === 'unknown').map((problem) => problem.name)
    const invalid = decoded.problems
        .filter((problem) => problem.reason !== 'unknown' && problem.reason !== 'secret')
        .map((problem) => problem.name)
    if (unknown.length > 0 || invalid.length > 0) {
        const parts = [
            unknown.length > 0 ? `unknown fields: ${listNames(unknown)}` : undefined,
            invalid.length > 0 ? `invalid values for: ${listNames(invalid)}` : undefined,
        ].filter((part) => part !== undefined)
        replies.push(
            buildErrorMessage('invalid-values', `Not applied: ${parts.join('; ')}. The other values were applied.`)
        )
    }
    return replies
}

/** Locked fields keep the link's values; the host hears which it tried to change. */
export function buildFieldLockedReply(names: readonly string[]): ErrorMessage {
    return buildErrorMessage(
        'field-locked',
        `Not applied: ${listNames(names)}. The launcher's address locks these fields; a host page cannot change them.`
    )
}

/** The user is deciding on the host's submit: the values they are looking at must not change under them. */
export function buildSubmitPendingReply(): ErrorMessage {
    return buildErrorMessage(
        'submit-pending',
        'Not applied: the user is deciding whether to start the run you asked for; send set-values after that.'
    )
}

export function buildSubmitDeclinedReply(): ErrorMessage {
    return buildErrorMessage('submit-declined', 'The user dismissed the request to start the run.')
}

function describeFailure(info: ApiErrorInfo): string {
    switch (info.kind) {
        case 'network':
            return info.reason === 'timeout' ? 'PostHog did not answer in time.' : 'PostHog could not be reached.'
        case 'not_posthog':
            return 'The PostHog address does not answer like PostHog.'
        case 'unauthenticated':
            return 'PostHog refused the API key.'
        case 'forbidden':
            if (info.reason === 'missing_scope') return `The API key lacks the ${info.scope} scope.`
            if (info.reason === 'project_not_allowed') return 'The API key may not use this project.'
            if (info.reason === 'desktop_access_required') return 'The user needs PostHog Desktop access for this run.'
            if (info.reason === 'runtime_disabled') return 'The Pi runtime is disabled for this project.'
            return 'PostHog did not allow the run.'
        case 'not_found':
            return 'PostHog did not find the task.'
        case 'validation':
            return info.field === undefined
                ? 'PostHog refused the request as invalid.'
                : `PostHog refused the value of ${listNames([info.field])}.`
        case 'rate_limited':
            return 'A PostHog rate or usage limit was reached.'
        case 'warming_up':
            return 'PostHog is still preparing the run environment.'
        case 'server':
            return 'PostHog had a server error.'
        case 'unexpected':
            return 'PostHog answered in an unexpected way.'
    }
}

/** A failed run for the host: the kind of failure only, since PostHog's own text may quote field values. */
export function buildSubmitFailedReply(info: ApiErrorInfo): ErrorMessage {
    return buildErrorMessage('submit-failed', `${describeFailure(info)} ${SEE_LAUNCHER}`)
}

export type SubmitBlocker = 'connect' | 'task'

export function buildSubmitBlockedReply(blocker: SubmitBlocker): ErrorMessage {
    return buildErrorMessage(
        'submit-failed',
        blocker === 'connect'
            ? 'The launcher is not connected to PostHog yet: the user is asked to connect first.'
            : 'No task is chosen yet: the user is asked to pick one.'
    )
}

export function buildSubmitInvalidReply(fieldNames: readonly string[]): ErrorMessage {
    const names = fieldNames.length > 0 ? `: ${listNames(fieldNames)}` : ''
    return buildErrorMessage('submit-invalid', `Some fields need attention${names}. ${SEE_LAUNCHER}`)
}

/** The referrer names whoever navigated the frame, not surely its parent: too weak a proof to start runs. */
export function buildSubmitRefusedReply(): ErrorMessage {
    return buildErrorMessage(
        'submit-refused',
        'submit is honoured only when the iframe URL names the host page in parent_origin.'
    )
}
