import type {
    FakeProject,
    FakeSandboxEnvironment,
    FakeSignalReport,
    FakeTask,
    FakeTaskRun,
    FakeUser,
} from './fakeEntities.ts'
import type { FakeState } from './FakeState.ts'

// How PostHog's serializers render each row; internal fields never leave the fake.

export function toApiUserBasic(user: FakeUser | undefined): Record<string, unknown> | null {
    if (user === undefined) {
        return null
    }
    return {
        id: user.id,
        uuid: user.uuid,
        distinct_id: user.distinct_id,
        first_name: user.first_name,
        last_name: user.last_name,
        email: user.email,
        is_email_verified: true,
        hedgehog_config: null,
        role_at_organization: null,
    }
}

export function toApiRun(run: FakeTaskRun): Record<string, unknown> {
    return {
        id: run.id,
        task: run.task,
        stage: run.stage,
        branch: run.branch,
        status: run.status,
        environment: run.environment,
        runtime_adapter: run.runtime_adapter,
        provider: run.provider,
        model: run.model,
        reasoning_effort: run.reasoning_effort,
        log_url: run.log_url,
        error_message: run.error_message,
        output: run.output,
        state: run.state,
        artifacts: run.artifacts,
        created_at: run.created_at,
        updated_at: run.updated_at,
        completed_at: run.completed_at,
    }
}

export function toApiTask(
    state: FakeState,
    task: FakeTask,
    latestRun: FakeTaskRun | undefined = state.findLatestRun(task.id)
): Record<string, unknown> {
    return {
        id: task.id,
        task_number: task.task_number,
        slug: task.slug,
        title: task.title,
        title_manually_set: task.title_manually_set,
        description: task.description,
        origin_product: task.origin_product,
        runtime: task.runtime,
        repository: task.repository,
        repositories: task.repositories,
        github_integration: task.github_integration,
        github_user_integration: task.github_user_integration,
        signal_report: task.signal_report,
        json_schema: task.json_schema,
        internal: task.internal,
        archived: task.archived,
        archived_at: task.archived_at,
        latest_run: latestRun === undefined ? null : toApiRun(latestRun),
        created_at: task.created_at,
        updated_at: task.updated_at,
        last_activity_at: task.last_activity_at,
        created_by: toApiUserBasic(state.findUser(task.createdById)),
        ci_prompt: task.ci_prompt,
        channel: task.channel,
        slack_thread_references: task.slack_thread_references,
    }
}

export function toApiSandboxEnvironment(
    state: FakeState,
    environment: FakeSandboxEnvironment
): Record<string, unknown> {
    const image = state.customImages.find((candidate) => candidate.id === environment.custom_image_id)
    return {
        id: environment.id,
        name: environment.name,
        network_access_level: environment.network_access_level,
        allowed_domains: environment.allowed_domains,
        repositories: environment.repositories,
        private: environment.private,
        internal: environment.internal,
        created_by: toApiUserBasic(state.findUser(environment.createdById)),
        created_at: environment.created_at,
        updated_at: environment.updated_at,
        custom_image_id: environment.custom_image_id,
        custom_image_name: image?.name ?? null,
        custom_image_status: image?.status ?? null,
    }
}

export function toApiSignalReport(report: FakeSignalReport): Record<string, unknown> {
    return {
        id: report.id,
        title: report.title,
        summary: report.summary,
        status: report.status,
        total_weight: report.total_weight,
        signal_count: report.signal_count,
        signals_at_run: report.signals_at_run,
        created_at: report.created_at,
        updated_at: report.updated_at,
        artefact_count: report.artefact_count,
        priority: report.priority,
        actionability: report.actionability,
        already_addressed: report.already_addressed,
        is_suggested_reviewer: report.is_suggested_reviewer,
        source_products: report.source_products,
    }
}

export function toApiProject(project: FakeProject): Record<string, unknown> {
    return {
        id: project.id,
        uuid: project.uuid,
        organization: project.organizationId,
        api_token: project.api_token,
        name: project.name,
        timezone: project.timezone,
        created_at: project.created_at,
    }
}

export function toApiCurrentUser(state: FakeState, user: FakeUser, projects: FakeProject[]): Record<string, unknown> {
    const team = projects[0]
    return {
        ...toApiUserBasic(user),
        pending_email: null,
        is_staff: false,
        date_joined: '2025-01-06T09:00:00.000000Z',
        has_social_auth: state.userHasGitHub,
        team: team === undefined ? null : { id: team.id, uuid: team.uuid, name: team.name, project_id: team.id },
        organization:
            team === undefined
                ? null
                : { id: team.organizationId, name: team.organizationName, teams: projects.map(toApiProjectSummary) },
        organizations:
            team === undefined ? [] : [{ id: team.organizationId, name: team.organizationName, membership_level: 8 }],
    }
}

function toApiProjectSummary(project: FakeProject): Record<string, unknown> {
    return { id: project.id, uuid: project.uuid, name: project.name }
}
