import type { z } from 'zod'

import { drfBoolean, drfChoice, drfList, drfObject, drfString, drfUrl, drfUuid, parseDrf } from './drfFields.ts'
import type { FakeModel } from './fakeEntities.ts'
import { getReasoningEffortError } from './getReasoningEffortError.ts'
import { buildValidationFailure } from './hogError.ts'
import {
    FAST_MODE_MODELS,
    normalizeModelId as toCatalogKey,
    ONE_MILLION_CONTEXT_MODELS,
} from '../src/contract/modelCapabilities.ts'
import type { HttpFailure } from './jsonResponse.ts'

export const MAX_IMPORTED_MCP_SERVERS = 20

export const REASONING_EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max', 'ultracode'] as const
export const CLAUDE_PERMISSION_MODES = ['default', 'acceptEdits', 'plan', 'bypassPermissions', 'auto'] as const
export const CODEX_PERMISSION_MODES = ['auto', 'read-only', 'full-access', 'plan'] as const

const PERMISSION_MODES_BY_ADAPTER: Record<string, readonly string[]> = {
    claude: CLAUDE_PERMISSION_MODES,
    codex: CODEX_PERMISSION_MODES,
}

// TaskRunCreateRequestSerializer (latest seen), fields in declaration order so the first error matches PostHog's.
export const runRequestSchema = drfObject({
    mode: drfChoice(['interactive', 'background']).optional(),
    branch: drfString({ maxLength: 255 }).nullable().optional(),
    resume_from_run_id: drfUuid().optional(),
    pending_user_message: drfString({ allowBlank: true }).optional(),
    pending_user_artifact_ids: drfList(drfString({ maxLength: 128 })).optional(),
    sandbox_environment_id: drfUuid().optional(),
    custom_image_id: drfUuid().optional(),
    pr_authorship_mode: drfChoice(['user', 'bot']).optional(),
    auto_publish: drfBoolean().nullable().optional(),
    run_source: drfChoice(['manual', 'signal_report', 'agent']).optional(),
    signal_report_id: drfString().optional(),
    runtime_adapter: drfChoice(['claude', 'codex']).optional(),
    model: drfString().optional(),
    reasoning_effort: drfChoice(REASONING_EFFORTS).optional(),
    context_window: drfChoice(['200k', '1m']).optional(),
    fast_mode: drfBoolean().nullable().optional(),
    github_user_token: drfString().optional(),
    initial_permission_mode: drfChoice([...CLAUDE_PERMISSION_MODES, 'read-only', 'full-access']).optional(),
    imported_mcp_servers: drfList(
        drfObject({
            type: drfChoice(['http', 'sse']),
            name: drfString({ maxLength: 64 }),
            url: drfUrl({ maxLength: 2048 }),
            headers: drfList(
                drfObject({ name: drfString({ maxLength: 256 }), value: drfString({ maxLength: 4096 }) })
            ).optional(),
        }),
        { maxLength: MAX_IMPORTED_MCP_SERVERS }
    )
        .nullable()
        .optional(),
    relayed_mcp_servers: drfList(drfObject({ name: drfString({ maxLength: 64 }) }), {
        maxLength: MAX_IMPORTED_MCP_SERVERS,
    })
        .nullable()
        .optional(),
    claude_model_access: drfChoice(['posthog-gateway', 'own-subscription']).nullable().optional(),
    benjamin_enabled: drfBoolean().nullable().optional(),
    rtk_enabled: drfBoolean().nullable().optional(),
})

export type RunRequest = z.output<typeof runRequestSchema>

export type RunRequestResult = { ok: true; request: RunRequest } | { ok: false; failure: HttpFailure }

// Field validation, then the serializer's validate(): the first error wins.
export function validateRunRequest(body: unknown, catalog: readonly FakeModel[]): RunRequestResult {
    const parsed = parseDrf(runRequestSchema, body)
    if (!parsed.ok) {
        return parsed
    }
    const request = parsed.data
    const failure = findCrossFieldFailure(request, catalog)
    return failure === null ? { ok: true, request } : { ok: false, failure }
}

function findCrossFieldFailure(request: RunRequest, catalog: readonly FakeModel[]): HttpFailure | null {
    // Only PostHog Desktop's OAuth clients may bill a run to the user's own Claude subscription; a key never can.
    if (request.claude_model_access === 'own-subscription') {
        return invalid('claude_model_access', 'own-subscription is available only from PostHog Desktop.')
    }
    const { runtime_adapter: adapter, initial_permission_mode: permissionMode } = request
    // The newest serializer takes a mode without an adapter and clamps it to the runtime the run resolves to.
    if (permissionMode !== undefined && adapter !== undefined) {
        const allowed = PERMISSION_MODES_BY_ADAPTER[adapter] ?? []
        if (!allowed.includes(permissionMode)) {
            const values = allowed.map((mode) => `'${mode}'`).join(', ')
            const detail = `Invalid choice '${permissionMode}' for runtime_adapter '${adapter}'. Supported values: ${values}.`
            return invalid('initial_permission_mode', detail)
        }
    }
    if (hasRuntimeSelection(request)) {
        const detail = 'This field is required when selecting a cloud runtime.'
        if (adapter === undefined) {
            return buildValidationFailure('required', detail, 'runtime_adapter')
        }
        if (request.model === undefined) {
            return buildValidationFailure('required', detail, 'model')
        }
    }
    const effortError = getReasoningEffortError(adapter, request.model, request.reasoning_effort, catalog)
    if (effortError !== null) {
        return invalid('reasoning_effort', effortError)
    }
    const key = toCatalogKey(request.model ?? '')
    if (request.context_window === '1m' && !ONE_MILLION_CONTEXT_MODELS.has(key)) {
        return invalid('context_window', `Model '${request.model ?? ''}' does not support a 1m context window.`)
    }
    if (request.fast_mode === true && !FAST_MODE_MODELS.has(key)) {
        return invalid('fast_mode', `Model '${request.model ?? ''}' does not support fast mode.`)
    }
    return null
}

// A sent mode the resolved runtime lacks becomes its nearest one (followup §4); any other mode is kept as sent.
const CLAMPED_PERMISSION_MODES: Record<string, Readonly<Record<string, string>>> = {
    claude: { 'read-only': 'default' },
    codex: { acceptEdits: 'auto' },
}

export function clampPermissionMode(mode: string, runtimeAdapter: string): string {
    return CLAMPED_PERMISSION_MODES[runtimeAdapter]?.[mode] ?? mode
}

export function hasRuntimeSelection(request: RunRequest): boolean {
    return [
        request.runtime_adapter,
        request.model,
        request.reasoning_effort,
        request.context_window,
        request.fast_mode,
    ].some((value) => value !== undefined && value !== null)
}

function invalid(attr: string, detail: string): HttpFailure {
    return buildValidationFailure('invalid', detail, attr)
}
