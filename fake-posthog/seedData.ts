import { BUNDLED_MODELS } from '../src/contract/bundledModelCatalog.ts'
import type {
    FakeApiKey,
    FakeCustomImage,
    FakeModel,
    FakeProject,
    FakeSandboxEnvironment,
    FakeSignalReport,
    FakeTask,
    FakeTaskRun,
    FakeUser,
} from './fakeEntities.ts'
import { FakeState } from './FakeState.ts'

export const DEMO_PROJECT_ID = 1
export const OTHER_PROJECT_ID = 2
export const DEMO_ORGANIZATION_ID = '0196a1b2-0007-7000-8000-000000000001'

export const DEMO_KEYS = {
    full: 'phx_demo_full',
    tasksOnly: 'phx_demo_tasks',
    readOnly: 'phx_demo_readonly',
    otherProject: 'phx_demo_other',
    legacy: 'phx_demo_legacy',
} as const

export const DEMO_USER_ID = 1
export const OTHER_USER_ID = 2

export const DEMO_TASK_IDS = {
    flakyLoginTest: '0196a1b2-0001-7000-8000-000000000001',
    csvExport: '0196a1b2-0001-7000-8000-000000000002',
    reactUpgrade: '0196a1b2-0001-7000-8000-000000000003',
    slowFunnels: '0196a1b2-0001-7000-8000-000000000004',
    flagDocs: '0196a1b2-0001-7000-8000-000000000005',
    billingDeadCode: '0196a1b2-0001-7000-8000-000000000006',
    darkMode: '0196a1b2-0001-7000-8000-000000000007',
    signupWebhook: '0196a1b2-0001-7000-8000-000000000008',
    archivedSpike: '0196a1b2-0001-7000-8000-000000000009',
    otherProjectCerts: '0196a1b2-0001-7000-8000-000000000010',
    otherProjectMerges: '0196a1b2-0001-7000-8000-000000000011',
} as const

export const DEMO_RUN_IDS = {
    flakyLoginCancelled: '0196a1b2-0002-7000-8000-000000000001',
    flakyLoginFailed: '0196a1b2-0002-7000-8000-000000000002',
    flakyLoginCompleted: '0196a1b2-0002-7000-8000-000000000003',
    csvExportCompleted: '0196a1b2-0002-7000-8000-000000000004',
    slowFunnelsInProgress: '0196a1b2-0002-7000-8000-000000000005',
    billingFailed: '0196a1b2-0002-7000-8000-000000000006',
    signupWebhookCompleted: '0196a1b2-0002-7000-8000-000000000007',
} as const

export const DEMO_SANDBOX_ENVIRONMENT_IDS = {
    trusted: '0196a1b2-0003-7000-8000-000000000001',
    fullInternet: '0196a1b2-0003-7000-8000-000000000002',
    payments: '0196a1b2-0003-7000-8000-000000000003',
    // another user's private environment: hidden from the demo user and refused by the run endpoint
    otherUserPrivate: '0196a1b2-0003-7000-8000-000000000004',
    otherProject: '0196a1b2-0003-7000-8000-000000000005',
} as const

export const DEMO_CUSTOM_IMAGE_IDS = {
    ready: '0196a1b2-0006-7000-8000-000000000001',
    building: '0196a1b2-0006-7000-8000-000000000002',
} as const

export const DEMO_SIGNAL_REPORT_IDS = {
    checkoutErrors: '0196a1b2-0004-7000-8000-000000000001',
    slowDashboards: '0196a1b2-0004-7000-8000-000000000002',
    signupEmails: '0196a1b2-0004-7000-8000-000000000003',
} as const

// The app's bundled Claude catalogue (one source for both) plus two Codex models, efforts ascending
export const DEMO_MODELS: readonly FakeModel[] = [
    ...BUNDLED_MODELS.filter((choice) => choice.runtimeAdapter === 'claude').map((choice) => ({
        runtime_adapter: 'claude' as const,
        model: choice.model,
        display_name: choice.displayName,
        supported_efforts: [...choice.supportedEfforts],
    })),
    { runtime_adapter: 'codex', model: 'gpt-5', display_name: 'GPT-5', supported_efforts: ['low', 'medium', 'high'] },
    {
        runtime_adapter: 'codex',
        model: 'gpt-5.5',
        display_name: 'GPT-5.5',
        supported_efforts: ['low', 'medium', 'high', 'xhigh'],
    },
]

function buildUsers(): FakeUser[] {
    return [
        {
            id: DEMO_USER_ID,
            uuid: '0196a1b2-0005-7000-8000-000000000001',
            distinct_id: 'Hq3mYpX2c8VbT0aLrKd7sWf9EjN4uZ1oG6iQwBxDnMk',
            first_name: 'Ada',
            last_name: 'Lovelace',
            email: 'ada@example.com',
        },
        {
            id: OTHER_USER_ID,
            uuid: '0196a1b2-0005-7000-8000-000000000002',
            distinct_id: 'Rt8kLmN2bV5cX7zQwE1rTy3uIo9pAs4dFg6hJk0lZx',
            first_name: 'Grace',
            last_name: 'Hopper',
            email: 'grace@example.com',
        },
    ]
}

function buildProjects(): FakeProject[] {
    const organization = { organizationId: DEMO_ORGANIZATION_ID, organizationName: 'Acme Analytics' }
    return [
        {
            id: DEMO_PROJECT_ID,
            uuid: '0196a1b2-0007-7000-8000-000000000011',
            name: 'Demo project',
            ...organization,
            api_token: 'phc_demoProjectToken0000000000000000000000001',
            timezone: 'Europe/London',
            created_at: '2026-01-06T09:00:00.000000Z',
        },
        {
            id: OTHER_PROJECT_ID,
            uuid: '0196a1b2-0007-7000-8000-000000000012',
            name: 'Other project',
            ...organization,
            api_token: 'phc_otherProjectToken000000000000000000000002',
            timezone: 'UTC',
            created_at: '2026-02-10T09:00:00.000000Z',
        },
    ]
}

function buildApiKeys(): FakeApiKey[] {
    const owner = { userId: DEMO_USER_ID, scopedTeams: null }
    return [
        { secret: DEMO_KEYS.full, label: 'Demo: everything', scopes: ['*'], ...owner },
        { secret: DEMO_KEYS.tasksOnly, label: 'Demo: tasks only', scopes: ['task:read', 'task:write'], ...owner },
        { secret: DEMO_KEYS.readOnly, label: 'Demo: read tasks', scopes: ['task:read'], ...owner },
        { secret: DEMO_KEYS.legacy, label: 'Demo: legacy key without scopes', scopes: null, ...owner },
        {
            secret: DEMO_KEYS.otherProject,
            label: 'Demo: other project only',
            scopes: ['task:read', 'task:write'],
            userId: DEMO_USER_ID,
            scopedTeams: [OTHER_PROJECT_ID],
        },
    ]
}

interface TaskSeed {
    id: string
    projectId: number
    taskNumber: number
    title: string
    description: string
    repository: string | null
    createdAt: string
    originProduct?: string
    signalReport?: string
    archived?: boolean
}

function buildTask(seed: TaskSeed): FakeTask {
    const slug = seed.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
    return {
        id: seed.id,
        projectId: seed.projectId,
        createdById: DEMO_USER_ID,
        task_number: seed.taskNumber,
        slug: `${seed.taskNumber}-${slug}`,
        title: seed.title,
        title_manually_set: true,
        description: seed.description,
        origin_product: seed.originProduct ?? 'user_created',
        runtime: null,
        repository: seed.repository,
        repositories: seed.repository === null ? [] : [seed.repository],
        github_integration: seed.repository === null ? null : 7,
        github_user_integration: 3,
        signal_report: seed.signalReport ?? null,
        json_schema: null,
        internal: false,
        archived: seed.archived ?? false,
        archived_at: seed.archived === true ? '2026-04-01T12:00:00.000000Z' : null,
        created_at: seed.createdAt,
        updated_at: seed.createdAt,
        last_activity_at: seed.createdAt,
        ci_prompt: null,
        channel: null,
        slack_thread_references: [],
    }
}

function buildTasks(): FakeTask[] {
    const demo = DEMO_PROJECT_ID
    return [
        {
            id: DEMO_TASK_IDS.flakyLoginTest,
            projectId: demo,
            taskNumber: 1,
            title: 'Fix flaky login test',
            description:
                'The `login.spec.ts` e2e test fails about one run in ten on CI with a timeout waiting for the dashboard. Find the race and make the test deterministic.',
            repository: 'acme/web-app',
            createdAt: '2026-05-01T08:30:00.000000Z',
        },
        {
            id: DEMO_TASK_IDS.csvExport,
            projectId: demo,
            taskNumber: 2,
            title: 'Add CSV export to insights',
            description:
                'Users want to download the table behind a trends insight. Add an "Export CSV" action that respects the current date range and breakdown.',
            repository: 'acme/analytics',
            createdAt: '2026-05-03T10:00:00.000000Z',
        },
        {
            id: DEMO_TASK_IDS.reactUpgrade,
            projectId: demo,
            taskNumber: 3,
            title: 'Upgrade React to 19 in the dashboard',
            description:
                'Bump react and react-dom to 19, replace removed APIs (string refs, legacy context) and fix the type errors.',
            repository: 'acme/web-app',
            createdAt: '2026-05-05T14:15:00.000000Z',
        },
        {
            id: DEMO_TASK_IDS.slowFunnels,
            projectId: demo,
            taskNumber: 4,
            title: 'Investigate slow funnel queries',
            description:
                'Funnels over 90 days take more than 30 s for large teams. Profile the generated ClickHouse SQL and propose an index or rewrite.',
            repository: 'acme/analytics',
            createdAt: '2026-05-07T09:45:00.000000Z',
        },
        {
            id: DEMO_TASK_IDS.flagDocs,
            projectId: demo,
            taskNumber: 5,
            title: 'Document the feature flag rollout API',
            description:
                'Write reference docs with examples for the percentage rollout and release-condition endpoints.',
            repository: 'acme/docs',
            createdAt: '2026-05-09T16:20:00.000000Z',
        },
        {
            id: DEMO_TASK_IDS.billingDeadCode,
            projectId: demo,
            taskNumber: 6,
            title: 'Remove dead code in billing module',
            description:
                'The old invoice renderer and the v1 pricing tables are unused since the migration. Delete them and their tests.',
            repository: 'acme/billing',
            createdAt: '2026-05-12T11:05:00.000000Z',
        },
        {
            id: DEMO_TASK_IDS.darkMode,
            projectId: demo,
            taskNumber: 7,
            title: 'Add dark mode to settings page',
            description:
                'The settings page ignores the theme toggle. Use the design tokens so it follows the dark theme.',
            repository: 'acme/web-app',
            createdAt: '2026-05-14T13:40:00.000000Z',
        },
        {
            id: DEMO_TASK_IDS.signupWebhook,
            projectId: demo,
            taskNumber: 8,
            title: 'Handle null emails in signup webhook',
            description:
                'Signals show a spike of TypeError in the signup webhook when the identity provider omits the email. Guard against it and add a test.',
            repository: 'acme/web-app',
            createdAt: '2026-05-16T07:55:00.000000Z',
            originProduct: 'signal_report',
            signalReport: DEMO_SIGNAL_REPORT_IDS.signupEmails,
        },
        {
            id: DEMO_TASK_IDS.archivedSpike,
            projectId: demo,
            taskNumber: 9,
            title: 'Spike: GraphQL gateway',
            description: 'Prototype a GraphQL gateway in front of the query API. Archived: we kept REST.',
            repository: 'acme/web-app',
            createdAt: '2026-03-01T10:00:00.000000Z',
            archived: true,
        },
        {
            id: DEMO_TASK_IDS.otherProjectCerts,
            projectId: OTHER_PROJECT_ID,
            taskNumber: 1,
            title: 'Rotate staging TLS certificates',
            description: 'Automate the yearly rotation of the staging certificates with cert-manager.',
            repository: 'acme/infra',
            createdAt: '2026-04-20T09:00:00.000000Z',
        },
        {
            id: DEMO_TASK_IDS.otherProjectMerges,
            projectId: OTHER_PROJECT_ID,
            taskNumber: 2,
            title: 'Tune ClickHouse merges',
            description: 'Reduce the number of parts on the events table by tuning merge settings.',
            repository: 'acme/infra',
            createdAt: '2026-04-22T09:00:00.000000Z',
        },
    ].map(buildTask)
}

interface RunSeed {
    id: string
    task: string
    status: FakeTaskRun['status']
    branch: string
    model: string
    reasoningEffort: string | null
    createdAt: string
    completedAt: string | null
    errorMessage?: string
    prUrl?: string
    message?: string
}

function buildRun(seed: RunSeed): FakeTaskRun {
    return {
        id: seed.id,
        task: seed.task,
        stage: null,
        branch: seed.branch,
        status: seed.status,
        environment: 'cloud',
        runtime_adapter: 'claude',
        provider: 'anthropic',
        model: seed.model,
        reasoning_effort: seed.reasoningEffort,
        log_url: null,
        error_message: seed.errorMessage ?? null,
        output: seed.prUrl === undefined ? null : { pr_url: seed.prUrl },
        state: {
            mode: 'background',
            run_source: 'manual',
            pr_authorship_mode: 'bot',
            runtime_adapter: 'claude',
            model: seed.model,
            ...(seed.reasoningEffort === null ? {} : { reasoning_effort: seed.reasoningEffort }),
            branch: seed.branch,
            ...(seed.message === undefined ? {} : { pending_user_message: seed.message }),
        },
        artifacts: [],
        created_at: seed.createdAt,
        updated_at: seed.completedAt ?? seed.createdAt,
        completed_at: seed.completedAt,
        upcomingStatuses: [],
    }
}

function buildRuns(): FakeTaskRun[] {
    return [
        {
            id: DEMO_RUN_IDS.flakyLoginCancelled,
            task: DEMO_TASK_IDS.flakyLoginTest,
            status: 'cancelled' as const,
            branch: 'main',
            model: 'claude-sonnet-4-6',
            reasoningEffort: 'medium',
            createdAt: '2026-05-01T09:00:00.000000Z',
            completedAt: '2026-05-01T09:04:12.000000Z',
        },
        {
            id: DEMO_RUN_IDS.flakyLoginFailed,
            task: DEMO_TASK_IDS.flakyLoginTest,
            status: 'failed' as const,
            branch: 'main',
            model: 'claude-opus-4-5',
            reasoningEffort: 'high',
            createdAt: '2026-05-02T10:00:00.000000Z',
            completedAt: '2026-05-02T10:21:40.000000Z',
            errorMessage: 'Sandbox exited with code 1 while running `pnpm test:e2e`.',
        },
        {
            id: DEMO_RUN_IDS.flakyLoginCompleted,
            task: DEMO_TASK_IDS.flakyLoginTest,
            status: 'completed' as const,
            branch: 'fix/flaky-login-test',
            model: 'claude-sonnet-5',
            reasoningEffort: 'max',
            createdAt: '2026-05-03T11:00:00.000000Z',
            completedAt: '2026-05-03T11:37:05.000000Z',
            prUrl: 'https://github.com/acme/web-app/pull/482',
            message: 'Wait for the session cookie instead of a fixed timeout.',
        },
        {
            id: DEMO_RUN_IDS.csvExportCompleted,
            task: DEMO_TASK_IDS.csvExport,
            status: 'completed' as const,
            branch: 'main',
            model: 'claude-opus-4-5',
            reasoningEffort: 'medium',
            createdAt: '2026-05-04T08:00:00.000000Z',
            completedAt: '2026-05-04T08:52:30.000000Z',
            prUrl: 'https://github.com/acme/analytics/pull/1290',
        },
        {
            id: DEMO_RUN_IDS.slowFunnelsInProgress,
            task: DEMO_TASK_IDS.slowFunnels,
            status: 'in_progress' as const,
            branch: 'main',
            model: 'claude-sonnet-5',
            reasoningEffort: 'high',
            createdAt: '2026-05-07T10:00:00.000000Z',
            completedAt: null,
        },
        {
            id: DEMO_RUN_IDS.billingFailed,
            task: DEMO_TASK_IDS.billingDeadCode,
            status: 'failed' as const,
            branch: 'main',
            model: 'moonshotai/kimi-k3',
            reasoningEffort: null,
            createdAt: '2026-05-12T12:00:00.000000Z',
            completedAt: '2026-05-12T12:09:18.000000Z',
            errorMessage: 'The agent could not push: the branch is protected.',
        },
        {
            id: DEMO_RUN_IDS.signupWebhookCompleted,
            task: DEMO_TASK_IDS.signupWebhook,
            status: 'completed' as const,
            branch: 'main',
            model: 'claude-sonnet-5',
            reasoningEffort: 'high',
            createdAt: '2026-05-16T08:00:00.000000Z',
            completedAt: '2026-05-16T08:30:00.000000Z',
            prUrl: 'https://github.com/acme/web-app/pull/501',
        },
    ].map(buildRun)
}

function buildSandboxEnvironments(): FakeSandboxEnvironment[] {
    const base = {
        projectId: DEMO_PROJECT_ID,
        createdById: DEMO_USER_ID,
        repositories: [],
        private: false,
        internal: false,
        created_at: '2026-04-02T09:00:00.000000Z',
        updated_at: '2026-04-02T09:00:00.000000Z',
        custom_image_id: null,
    }
    return [
        {
            ...base,
            id: DEMO_SANDBOX_ENVIRONMENT_IDS.trusted,
            name: 'Default (trusted domains)',
            network_access_level: 'trusted',
            allowed_domains: [],
        },
        {
            ...base,
            id: DEMO_SANDBOX_ENVIRONMENT_IDS.fullInternet,
            name: 'Full internet access',
            network_access_level: 'full',
            allowed_domains: [],
        },
        {
            ...base,
            id: DEMO_SANDBOX_ENVIRONMENT_IDS.payments,
            name: 'Payments sandbox',
            network_access_level: 'custom',
            allowed_domains: ['api.stripe.com', 'files.stripe.com'],
            repositories: ['acme/billing'],
        },
        {
            ...base,
            id: DEMO_SANDBOX_ENVIRONMENT_IDS.otherUserPrivate,
            createdById: OTHER_USER_ID,
            name: "Grace's scratch environment",
            network_access_level: 'full',
            allowed_domains: [],
            private: true,
        },
        {
            ...base,
            id: DEMO_SANDBOX_ENVIRONMENT_IDS.otherProject,
            projectId: OTHER_PROJECT_ID,
            name: 'Infra (trusted domains)',
            network_access_level: 'trusted',
            allowed_domains: [],
        },
    ]
}

function buildCustomImages(): FakeCustomImage[] {
    return [
        { id: DEMO_CUSTOM_IMAGE_IDS.ready, projectId: DEMO_PROJECT_ID, name: 'Node 22 + Playwright', status: 'ready' },
        { id: DEMO_CUSTOM_IMAGE_IDS.building, projectId: DEMO_PROJECT_ID, name: 'Rust nightly', status: 'building' },
    ]
}

function buildSignalReports(): FakeSignalReport[] {
    const base = {
        projectId: DEMO_PROJECT_ID,
        already_addressed: false,
        is_suggested_reviewer: false,
        actionability: 'immediately_actionable',
    }
    return [
        {
            ...base,
            id: DEMO_SIGNAL_REPORT_IDS.checkoutErrors,
            title: 'Checkout fails for EU cards after 3-D Secure',
            summary: '214 error-tracking issues and 38 session replays show a 502 from /api/checkout/confirm.',
            status: 'ready',
            total_weight: 9.4,
            signal_count: 252,
            signals_at_run: 0,
            created_at: '2026-05-10T06:00:00.000000Z',
            updated_at: '2026-05-15T06:00:00.000000Z',
            artefact_count: 4,
            priority: 'P0',
            is_suggested_reviewer: true,
            source_products: ['error_tracking', 'session_replay'],
        },
        {
            ...base,
            id: DEMO_SIGNAL_REPORT_IDS.slowDashboards,
            title: 'Dashboards time out for large date ranges',
            summary: 'Query timeouts on dashboards with 90-day funnels rose 4x this week.',
            status: 'in_progress',
            total_weight: 6.1,
            signal_count: 87,
            signals_at_run: 80,
            created_at: '2026-05-08T06:00:00.000000Z',
            updated_at: '2026-05-14T06:00:00.000000Z',
            artefact_count: 2,
            priority: 'P2',
            actionability: 'requires_human_input',
            source_products: ['logs'],
        },
        {
            ...base,
            id: DEMO_SIGNAL_REPORT_IDS.signupEmails,
            title: 'Signup webhook crashes on missing email',
            summary: 'TypeError: cannot read properties of null (reading "toLowerCase") in signupWebhook.ts.',
            status: 'resolved',
            total_weight: 3.2,
            signal_count: 41,
            signals_at_run: 41,
            created_at: '2026-05-15T06:00:00.000000Z',
            updated_at: '2026-05-16T09:00:00.000000Z',
            artefact_count: 1,
            priority: 'P1',
            already_addressed: true,
            source_products: ['error_tracking'],
        },
    ]
}

// A fresh copy every call so tests never share mutable rows.
export function createSeedState(): FakeState {
    return new FakeState({
        users: buildUsers(),
        projects: buildProjects(),
        apiKeys: buildApiKeys(),
        tasks: buildTasks(),
        runs: buildRuns(),
        sandboxEnvironments: buildSandboxEnvironments(),
        customImages: buildCustomImages(),
        signalReports: buildSignalReports(),
        models: DEMO_MODELS.map((model) => ({ ...model, supported_efforts: [...model.supported_efforts] })),
    })
}
