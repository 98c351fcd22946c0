import { randomUUID } from 'node:crypto'

import type { FakeModel, FakeTask, FakeTaskRun, FakeUser, RunArtifact, TaskRunStatus } from './fakeEntities.ts'
import type { FakeState } from './FakeState.ts'
import { getReasoningEffortError } from './getReasoningEffortError.ts'
import { buildHogError, buildValidationFailure } from './hogError.ts'
import type { HttpFailure } from './jsonResponse.ts'
import { applyRunDefaults, type ResolvedRunDefaults } from './resolveRunDefaults.ts'
import { clampPermissionMode, type RunRequest } from './validateRunRequest.ts'

export interface StartRunContext {
    state: FakeState
    task: FakeTask
    caller: FakeUser
    request: RunRequest
    catalog: readonly FakeModel[]
    // the statuses a new run goes through; the first is the one the run endpoint answers with
    statusSteps: readonly TaskRunStatus[]
    // what a body pinning neither adapter nor model runs with
    runDefaults?: ResolvedRunDefaults | undefined
}

export type StartRunResult = { ok: true; run: FakeTaskRun } | { ok: false; failure: HttpFailure }

const DEFAULT_MODEL_BY_RUNTIME_ADAPTER: Record<string, string> = { claude: 'claude-sonnet-5', codex: 'gpt-5' }
const PROVIDER_BY_RUNTIME_ADAPTER: Record<string, string> = { claude: 'anthropic', codex: 'openai' }

// Settings a resumed run takes from the previous run's state when the request omits them.
const INHERITED_STRING_KEYS = [
    'pr_authorship_mode',
    'run_source',
    'signal_report_id',
    'runtime_adapter',
    'model',
    'reasoning_effort',
    'context_window',
    'sandbox_environment_id',
    'custom_image_id',
] as const
const INHERITED_BOOLEAN_KEYS = ['auto_publish', 'fast_mode'] as const

type RunSettings = Partial<Record<(typeof INHERITED_STRING_KEYS)[number], string>> &
    Partial<Record<(typeof INHERITED_BOOLEAN_KEYS)[number], boolean | null>>

// The facade's run_task: resume, sandbox, image and attachment checks, then PR authorship.
export function startTaskRun(context: StartRunContext): StartRunResult {
    const { state, task, request } = context
    const previous =
        request.resume_from_run_id === undefined ? undefined : state.findRun(task.id, request.resume_from_run_id)
    if (request.resume_from_run_id !== undefined && previous === undefined) {
        return refuse({ detail: 'Invalid resume_from_run_id' })
    }
    const inherited = inheritSettings(request, previous)
    const settings = context.runDefaults ? applyRunDefaults(inherited, context.runDefaults) : inherited
    const effortError = getReasoningEffortError(
        settings.runtime_adapter,
        settings.model,
        settings.reasoning_effort,
        context.catalog
    )
    if (effortError !== null) {
        return { ok: false, failure: buildValidationFailure('invalid', effortError, 'reasoning_effort') }
    }
    const resourceFailure = checkSandboxAndImage(state, task, settings)
    if (resourceFailure !== null) {
        return { ok: false, failure: resourceFailure }
    }
    const artifactIds = request.pending_user_artifact_ids ?? []
    const artifacts = collectStagedArtifacts(state, task, artifactIds)
    if (!artifacts.ok) {
        return refuse({
            detail: 'Some pending_user_artifact_ids are invalid or expired',
            missing_artifact_ids: artifacts.missing,
        })
    }
    const authorship = resolvePrAuthorship(context, settings)
    if (!authorship.ok) {
        return authorship
    }
    const defaultsSource = settings === inherited ? 'none' : (context.runDefaults?.source ?? 'none')
    const run = buildRun(context, settings, previous, artifacts.artifacts, authorship, defaultsSource)
    state.runs.push(run)
    task.last_activity_at = run.created_at
    task.updated_at = run.created_at
    return { ok: true, run }
}

function refuse(body: Record<string, unknown>): StartRunResult {
    return { ok: false, failure: { status: 400, body } }
}

function inheritSettings(request: RunRequest, previous: FakeTaskRun | undefined): RunSettings {
    const settings: RunSettings = {}
    for (const key of INHERITED_STRING_KEYS) {
        const value = request[key] ?? previous?.state[key]
        if (typeof value === 'string') {
            settings[key] = value
        }
    }
    for (const key of INHERITED_BOOLEAN_KEYS) {
        const value = request[key] !== undefined ? request[key] : previous?.state[key]
        if (typeof value === 'boolean' || value === null) {
            settings[key] = value
        }
    }
    return settings
}

function checkSandboxAndImage(state: FakeState, task: FakeTask, settings: RunSettings): HttpFailure | null {
    const environmentId = settings.sandbox_environment_id
    if (environmentId !== undefined) {
        const environment = state.sandboxEnvironments.find(
            (candidate) =>
                candidate.id === environmentId &&
                candidate.projectId === task.projectId &&
                (!candidate.private || candidate.createdById === task.createdById)
        )
        if (environment === undefined) {
            return { status: 400, body: { detail: 'Invalid sandbox_environment_id' } }
        }
    }
    const imageId = settings.custom_image_id
    if (imageId !== undefined) {
        const image = state.customImages.find(
            (candidate) => candidate.id === imageId && candidate.projectId === task.projectId
        )
        if (image === undefined) {
            return { status: 400, body: { detail: 'Invalid custom_image_id' } }
        }
        if (image.status !== 'ready') {
            return { status: 400, body: { detail: `Custom image is not ready (status: ${image.status})` } }
        }
    }
    return null
}

function collectStagedArtifacts(
    state: FakeState,
    task: FakeTask,
    ids: readonly string[]
): { ok: true; artifacts: RunArtifact[] } | { ok: false; missing: string[] } {
    const artifacts: RunArtifact[] = []
    const missing: string[] = []
    for (const id of ids) {
        const staged = state.stagedArtifacts.get(id)
        if (staged?.taskId !== task.id || staged.expired || staged.finalizedAt === null || staged.upload === null) {
            missing.push(id)
            continue
        }
        artifacts.push({
            id: staged.id,
            name: staged.name,
            type: staged.type,
            source: staged.source,
            size: staged.upload.bytes.byteLength,
            content_type: staged.content_type,
            storage_path: staged.storage_path,
            uploaded_at: staged.upload.uploadedAt,
        })
    }
    return missing.length === 0 ? { ok: true, artifacts } : { ok: false, missing }
}

type Authorship = { ok: true; mode: 'user' | 'bot'; credentialSource: string | null }

// _resolve_cloud_pr_authorship_mode: the token is used, never stored in the run or echoed.
function resolvePrAuthorship(
    context: StartRunContext,
    settings: RunSettings
): Authorship | { ok: false; failure: HttpFailure } {
    if (settings.run_source === 'signal_report' || settings.pr_authorship_mode !== 'user') {
        return { ok: true, mode: 'bot', credentialSource: null }
    }
    if (context.request.github_user_token !== undefined) {
        return { ok: true, mode: 'user', credentialSource: 'caller_token' }
    }
    if (context.caller.id !== context.task.createdById) {
        return refuseAuthorship('User-authored runs must be started by the task creator, or provide github_user_token.')
    }
    if (context.state.userHasGitHub) {
        return { ok: true, mode: 'user', credentialSource: 'user_integration' }
    }
    if (context.state.teamHasGitHubIntegration) {
        return { ok: true, mode: 'bot', credentialSource: null }
    }
    return refuseAuthorship('Link a GitHub account with repo access before running user-authored cloud tasks.')
}

function refuseAuthorship(detail: string): { ok: false; failure: HttpFailure } {
    const body = buildHogError('validation_error', 'github_authorization_required', detail, 'pr_authorship_mode')
    return { ok: false, failure: { status: 400, body } }
}

function buildRun(
    context: StartRunContext,
    settings: RunSettings,
    previous: FakeTaskRun | undefined,
    artifacts: RunArtifact[],
    authorship: Authorship,
    defaultsSource: string
): FakeTaskRun {
    const { request } = context
    const runtimeAdapter = settings.runtime_adapter === 'codex' ? 'codex' : 'claude'
    // with no runtime selection the server falls back to its default model
    const model = settings.model ?? DEFAULT_MODEL_BY_RUNTIME_ADAPTER[runtimeAdapter] ?? null
    const branch = request.branch === undefined ? (previous?.branch ?? null) : emptyToNull(request.branch)
    // trimmed by the serializer; a blank message becomes null
    const message = emptyToNull(request.pending_user_message ?? null)
    const now = context.state.now().toISOString()
    const [status = 'queued', ...upcomingStatuses] = context.statusSteps
    const runState: Record<string, unknown> = {
        mode: request.mode ?? 'background',
        ...settings,
        runtime_adapter: runtimeAdapter,
        model,
        pr_authorship_mode: authorship.mode,
        ai_defaults_source: defaultsSource,
        branch,
        ...(message !== null || artifacts.length > 0 ? { pending_user_message: message } : {}),
        ...(artifacts.length > 0 ? { pending_user_artifact_ids: artifacts.map((artifact) => artifact.id) } : {}),
        ...(authorship.credentialSource === null ? {} : { github_credential_source: authorship.credentialSource }),
        ...(request.initial_permission_mode === undefined
            ? {}
            : { initial_permission_mode: clampPermissionMode(request.initial_permission_mode, runtimeAdapter) }),
        ...(request.rtk_enabled === undefined ? {} : { rtk_enabled: request.rtk_enabled }),
        ...(previous === undefined ? {} : { resume_from_run_id: previous.id }),
    }
    return {
        id: randomUUID(),
        task: context.task.id,
        stage: null,
        branch,
        status,
        environment: 'cloud',
        runtime_adapter: runtimeAdapter,
        provider: PROVIDER_BY_RUNTIME_ADAPTER[runtimeAdapter] ?? null,
        model,
        reasoning_effort: settings.reasoning_effort ?? null,
        log_url: null,
        error_message: null,
        output: null,
        state: runState,
        artifacts,
        created_at: now,
        updated_at: now,
        completed_at: null,
        upcomingStatuses,
    }
}

function emptyToNull(value: string | null): string | null {
    return value === '' ? null : value
}
