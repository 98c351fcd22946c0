import type { ApiErrorInfo } from './ApiError.ts'

export interface MessageContext {
    status: number
    code: string | undefined
    detail: string | undefined
    /** Where the request went, for network messages; never includes the key. */
    host?: string | undefined
    timeoutMs?: number | undefined
}

const NEW_KEY_HINT = 'In PostHog, open Settings → Personal API keys'

/** "42 seconds", "about 5 minutes", "about 3 hours", "about 2 days". */
export function formatWait(seconds: number): string {
    const s = Math.max(0, Math.ceil(seconds))
    if (s < 60) return s === 1 ? '1 second' : `${s} seconds`
    const minutes = Math.ceil(s / 60)
    if (minutes < 60) return minutes === 1 ? 'about 1 minute' : `about ${minutes} minutes`
    const hours = Math.round(s / 3600)
    if (hours < 48) return hours === 1 ? 'about 1 hour' : `about ${hours} hours`
    return `about ${Math.round(s / 86400)} days`
}

function sentence(text: string): string {
    const trimmed = text.trim()
    return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

function withDetail(lead: string, detail: string | undefined): string {
    return detail ? `${lead} PostHog said: ${sentence(detail)}` : lead
}

function rateLimitedMessage(info: Extract<ApiErrorInfo, { kind: 'rate_limited' }>, context: MessageContext): string {
    const when = info.retryAfterSeconds === undefined ? 'later' : `in ${formatWait(info.retryAfterSeconds)}`
    if (context.code === 'throttled' || (context.code === undefined && context.status === 429)) {
        return `PostHog is receiving too many requests from this key. Try again ${when}.`
    }
    const said = context.detail
        ? `${sentence(context.detail)} `
        : 'PostHog refused the run because a limit was reached. '
    if (context.code === 'usage_limit_exceeded') return `${said}It resets ${when}; try again then.`
    if (context.code === 'signal_report_task_cap') {
        return `${said}This signal report already has as many tasks as allowed; continue in an existing task or try again ${when}.`
    }
    return `${said}Ask an organization admin to raise the limit in PostHog billing, or try again ${when}.`
}

/** The user-facing message for an error: what happened and what to do about it. */
export function apiErrorMessage(info: ApiErrorInfo, context: MessageContext): string {
    const { status, detail } = context
    switch (info.kind) {
        case 'network': {
            const where = context.host ? `PostHog at ${context.host}` : 'PostHog'
            if (info.reason === 'timeout') {
                const seconds = Math.round((context.timeoutMs ?? 20_000) / 1000)
                return `${where} did not answer within ${seconds === 1 ? '1 second' : `${seconds} seconds`}. Try again; if it keeps happening, check the address and PostHog's status page.`
            }
            if (info.reason === 'cancelled') return 'The request was cancelled.'
            return `Could not reach ${where}. Check the address and your internet connection. If both are fine, the server does not allow requests from this page (CORS) or a browser extension blocked the request.`
        }
        case 'not_posthog':
            return `The server at this address answered (status ${status}), but not like PostHog's API. Check the address: choose US Cloud or EU Cloud, or enter your self-hosted PostHog URL (not an ingestion address).`
        case 'unauthenticated':
            return context.code === 'not_authenticated'
                ? 'PostHog received no API key. Enter your personal API key and try again.'
                : `PostHog did not accept the personal API key. Check that you pasted the whole key (it starts with phx_), that it was not deleted or rolled, and that it belongs to this PostHog instance (US and EU keys differ). ${NEW_KEY_HINT} to create a new one.`
        case 'forbidden':
            if (info.reason === 'missing_scope') {
                return `This API key lacks the ${info.scope} scope. ${NEW_KEY_HINT}, edit the key and add ${info.scope} (this app needs task:read and task:write).`
            }
            if (info.reason === 'desktop_access_required') {
                return withDetail(
                    'PostHog allows this run only to users with PostHog Desktop (PostHog Code) access. This is an access gate on your PostHog account, not a scope of the API key: ask a project admin for access.',
                    detail
                )
            }
            if (info.reason === 'runtime_disabled') {
                return withDetail(
                    'The Pi runtime is disabled for this project, so PostHog will not start this run. Choose another runtime, or ask a project admin to enable it; the API key is fine.',
                    detail
                )
            }
            if (info.reason === 'project_not_allowed') {
                const project = info.projectId === undefined ? 'this project' : `project ${info.projectId}`
                return `This API key is not allowed to access ${project}. ${NEW_KEY_HINT} and add the project to the key, or enter a project the key can access.`
            }
            return withDetail(
                'PostHog refused the request. Check the key’s scopes and your access to this project.',
                detail
            )
        case 'not_found':
            return 'PostHog could not find it: the project, task or run does not exist, or the key’s user is not allowed to use it (usually only a task’s creator can run it). Check the project id and pick the task again.'
        case 'validation':
            if (info.missingArtifactIds.length > 0) {
                return 'Some attachments are invalid or expired: upload the marked files again, or remove their IDs.'
            }
            if (info.field !== undefined) return detail ? sentence(detail) : 'PostHog rejected this value. Change it.'
            if (info.attr !== undefined) {
                return `PostHog rejected ${info.attr}: ${detail ? sentence(detail) : 'the value is invalid.'}`
            }
            return detail ? `PostHog rejected the request: ${sentence(detail)}` : 'PostHog rejected the request.'
        case 'rate_limited':
            return rateLimitedMessage(info, context)
        case 'warming_up':
            return 'PostHog is getting a sandbox ready and has not started the run yet. Wait a few seconds, then try again.'
        case 'server':
            return withDetail(
                `PostHog had a problem (status ${status}). Try again in a minute; if it keeps failing, check status.posthog.com.`,
                detail
            )
        case 'unexpected':
            return withDetail(
                `PostHog answered in a way this app does not understand (status ${status}). Try again; if it keeps happening, this app may need an update.`,
                detail
            )
    }
}
