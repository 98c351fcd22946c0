// Brings react-query into the program so the Register augmentation below applies.
import type {} from '@tanstack/react-query'

export type NetworkReason = 'unreachable' | 'timeout' | 'cancelled'

/** What went wrong, as a union the UI can switch on; each case carries only what that case knows. */
export type ApiErrorInfo =
    | { kind: 'network'; reason: NetworkReason }
    | { kind: 'not_posthog' }
    | { kind: 'unauthenticated' }
    | { kind: 'forbidden'; reason: 'missing_scope'; scope: string }
    | { kind: 'forbidden'; reason: 'project_not_allowed'; projectId: string | undefined }
    | { kind: 'forbidden'; reason: 'desktop_access_required' }
    | { kind: 'forbidden'; reason: 'runtime_disabled' }
    | { kind: 'forbidden'; reason: 'other' }
    | { kind: 'not_found' }
    | {
          kind: 'validation'
          /** The attr PostHog sent, e.g. pending_user_artifact_ids__0. */
          attr: string | undefined
          /** The form field the error belongs to, only when the field model has it; otherwise a banner. */
          field: string | undefined
          missingArtifactIds: readonly string[]
      }
    | {
          kind: 'rate_limited'
          resetAt: Date | undefined
          retryAfterSeconds: number | undefined
          limitType: string | undefined
      }
    | { kind: 'warming_up'; retryToken: string | undefined }
    | { kind: 'server' }
    | { kind: 'unexpected' }

export type ApiErrorKind = ApiErrorInfo['kind']

export interface ApiErrorInit {
    info: ApiErrorInfo
    /** A user-facing sentence that says what happened and what to do. */
    message: string
    /** HTTP status; 0 when no response arrived. */
    status: number
    code?: string | undefined
    /** PostHog's own text (detail or error), never the raw body. */
    detail?: string | undefined
    /** The underlying failure, for debugging; never shown. */
    cause?: unknown
}

/** The one error type every PostHog request rejects with. */
export class ApiError extends Error {
    override readonly name = 'ApiError'
    readonly info: ApiErrorInfo
    readonly kind: ApiErrorKind
    readonly status: number
    readonly code: string | undefined
    readonly detail: string | undefined

    constructor(init: ApiErrorInit) {
        super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
        this.info = init.info
        this.kind = init.info.kind
        this.status = init.status
        this.code = init.code
        this.detail = init.detail
    }
}

declare module '@tanstack/react-query' {
    interface Register {
        defaultError: ApiError
    }
}
