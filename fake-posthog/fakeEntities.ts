// Rows of the fake PostHog: API field names in snake_case, fields only the fake uses in camelCase.

export const TASK_RUN_STATUSES = ['not_started', 'queued', 'in_progress', 'completed', 'failed', 'cancelled'] as const
export type TaskRunStatus = (typeof TASK_RUN_STATUSES)[number]
export type TerminalRunStatus = 'completed' | 'failed' | 'cancelled'

export type RuntimeAdapter = 'claude' | 'codex'

export interface FakeUser {
    id: number
    uuid: string
    distinct_id: string
    first_name: string
    last_name: string
    email: string
}

export interface FakeProject {
    id: number
    uuid: string
    name: string
    organizationId: string
    organizationName: string
    api_token: string
    timezone: string
    created_at: string
}

export interface FakeApiKey {
    secret: string
    label: string
    userId: number
    // null or empty means a legacy key, which PostHog allows everything
    scopes: string[] | null
    scopedTeams: number[] | null
}

export interface FakeTask {
    id: string
    projectId: number
    createdById: number
    task_number: number
    slug: string
    title: string
    title_manually_set: boolean
    description: string
    origin_product: string
    runtime: string | null
    repository: string | null
    repositories: string[]
    github_integration: number | null
    github_user_integration: number | null
    signal_report: string | null
    json_schema: Record<string, unknown> | null
    internal: boolean
    archived: boolean
    archived_at: string | null
    created_at: string
    updated_at: string
    last_activity_at: string | null
    ci_prompt: string | null
    channel: string | null
    slack_thread_references: unknown[]
}

export interface RunArtifact {
    id: string
    name: string
    type: string
    source: string | null
    size: number
    content_type: string | null
    storage_path: string
    uploaded_at: string
}

export interface FakeTaskRun {
    id: string
    task: string
    stage: string | null
    branch: string | null
    status: TaskRunStatus
    environment: 'local' | 'cloud'
    runtime_adapter: RuntimeAdapter | null
    provider: string | null
    model: string | null
    reasoning_effort: string | null
    log_url: string | null
    error_message: string | null
    output: Record<string, unknown> | null
    state: Record<string, unknown>
    artifacts: RunArtifact[]
    created_at: string
    updated_at: string
    completed_at: string | null
    // statuses the run moves through, one per GET of the run
    upcomingStatuses: TaskRunStatus[]
}

export interface FakeSandboxEnvironment {
    id: string
    projectId: number
    createdById: number
    name: string
    network_access_level: 'trusted' | 'full' | 'custom'
    allowed_domains: string[]
    repositories: string[]
    private: boolean
    internal: boolean
    created_at: string
    updated_at: string
    custom_image_id: string | null
}

export interface FakeCustomImage {
    id: string
    projectId: number
    name: string
    status: 'ready' | 'building' | 'failed'
}

export const SIGNAL_REPORT_STATUSES = [
    'potential',
    'candidate',
    'in_progress',
    'pending_input',
    'ready',
    'resolved',
    'failed',
    'deleted',
    'suppressed',
] as const
export type SignalReportStatus = (typeof SIGNAL_REPORT_STATUSES)[number]

export interface FakeSignalReport {
    id: string
    projectId: number
    title: string
    summary: string
    status: SignalReportStatus
    total_weight: number
    signal_count: number
    signals_at_run: number
    created_at: string
    updated_at: string
    artefact_count: number
    priority: 'P0' | 'P1' | 'P2' | 'P3' | 'P4'
    actionability: string
    already_addressed: boolean
    is_suggested_reviewer: boolean
    source_products: string[]
}

export interface FakeModel {
    runtime_adapter: RuntimeAdapter
    model: string
    display_name: string
    supported_efforts: string[]
}

export interface StoredUpload {
    bytes: Uint8Array
    uploadedAt: string
}

export interface FakeStagedArtifact {
    id: string
    projectId: number
    taskId: string
    name: string
    type: string
    source: string | null
    size: number
    content_type: string | null
    storage_path: string
    // the presigned POST fields exactly as issued; the fake S3 accepts nothing else
    fields: Record<string, string>
    policyExpiresAt: Date
    upload: StoredUpload | null
    finalizedAt: string | null
    expired: boolean
}
