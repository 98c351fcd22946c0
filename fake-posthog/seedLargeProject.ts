import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }

import type { FakeSignalReport, FakeTask, FakeTaskRun, TaskRunStatus } from './fakeEntities.ts'
import type { FakePostHogOptions } from './FakePostHogOptions.ts'
import type { FakeState } from './FakeState.ts'
import { jsonResponse } from './jsonResponse.ts'
import { DEMO_PROJECT_ID, DEMO_TASK_IDS, DEMO_USER_ID } from './seedData.ts'

/** An admin call (not PostHog's): turns the running fake's demo project into a large one. */
export const LARGE_PROJECT_ADMIN_PATH = '/__admin/large-project'

export const LARGE_PROJECT_SIZES = {
    tasks: 10_000,
    // all on the demo link's task, "Fix flaky login test"
    runsOnOneTask: 1_000,
    signalReports: 500,
    // unrelated operations and components around the run schema, as in PostHog's real document
    schemaComponents: 4_000,
} as const

const REPOSITORIES = ['acme/web-app', 'acme/api', 'acme/billing', 'acme/docs', 'acme/mobile']
const VERBS = ['Fix', 'Speed up', 'Refactor', 'Document', 'Test', 'Remove', 'Upgrade', 'Trace']
const NOUNS = ['checkout', 'login', 'funnels', 'exports', 'webhooks', 'feature flags', 'billing', 'dashboards']
const RUN_STATUSES: readonly TaskRunStatus[] = ['completed', 'failed', 'cancelled', 'completed']

function uuidOf(group: number, index: number): string {
    return `0196f000-${String(group).padStart(4, '0')}-7000-8000-${String(index).padStart(12, '0')}`
}

function isoMinutesBefore(base: number, minutes: number): string {
    return new Date(base - minutes * 60_000).toISOString().replace('Z', '000Z')
}

function buildLargeTasks(firstNumber: number): FakeTask[] {
    // older than the demo tasks, so the usual first page stays the same
    const base = Date.parse('2026-04-30T00:00:00Z')
    return Array.from({ length: LARGE_PROJECT_SIZES.tasks }, (_, index) => {
        const title = `${VERBS[index % VERBS.length] ?? 'Fix'} ${NOUNS[(index >> 3) % NOUNS.length] ?? 'login'} #${index + 1}`
        const repository = REPOSITORIES[index % REPOSITORIES.length] ?? null
        const createdAt = isoMinutesBefore(base, index * 7)
        const taskNumber = firstNumber + index
        return {
            id: uuidOf(1, index),
            projectId: DEMO_PROJECT_ID,
            createdById: DEMO_USER_ID,
            task_number: taskNumber,
            slug: `${taskNumber}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
            title,
            title_manually_set: true,
            description: `Generated task ${index + 1} of a large project: ${title.toLowerCase()} in ${repository ?? 'no repository'}.`,
            origin_product: 'user_created',
            runtime: null,
            repository,
            repositories: repository === null ? [] : [repository],
            github_integration: 7,
            github_user_integration: 3,
            signal_report: null,
            json_schema: null,
            internal: false,
            archived: false,
            archived_at: null,
            created_at: createdAt,
            updated_at: createdAt,
            last_activity_at: createdAt,
            ci_prompt: null,
            channel: null,
            slack_thread_references: [],
        }
    })
}

function buildLargeRuns(): FakeTaskRun[] {
    const base = Date.parse('2026-04-30T00:00:00Z')
    return Array.from({ length: LARGE_PROJECT_SIZES.runsOnOneTask }, (_, index) => {
        const createdAt = isoMinutesBefore(base, index * 90)
        const status = RUN_STATUSES[index % RUN_STATUSES.length] ?? 'completed'
        const model = index % 2 === 0 ? 'claude-sonnet-4-6' : 'claude-opus-4-5'
        return {
            id: uuidOf(2, index),
            task: DEMO_TASK_IDS.flakyLoginTest,
            stage: null,
            branch: `attempt-${index + 1}`,
            status,
            environment: 'cloud',
            runtime_adapter: 'claude',
            provider: 'anthropic',
            model,
            reasoning_effort: 'medium',
            log_url: null,
            error_message: status === 'failed' ? 'Sandbox exited with code 1.' : null,
            output: null,
            state: { mode: 'background', runtime_adapter: 'claude', model, branch: `attempt-${index + 1}` },
            artifacts: [],
            created_at: createdAt,
            updated_at: createdAt,
            completed_at: createdAt,
            upcomingStatuses: [],
        }
    })
}

function buildLargeReports(): FakeSignalReport[] {
    const base = Date.parse('2026-04-30T00:00:00Z')
    return Array.from({ length: LARGE_PROJECT_SIZES.signalReports }, (_, index) => ({
        id: uuidOf(3, index),
        projectId: DEMO_PROJECT_ID,
        title: `${NOUNS[index % NOUNS.length] ?? 'login'} regression ${index + 1}`,
        summary: `Generated signal report ${index + 1} of a large project.`,
        status: index % 5 === 0 ? 'resolved' : 'ready',
        total_weight: (index % 97) / 10,
        signal_count: index % 300,
        signals_at_run: 0,
        created_at: isoMinutesBefore(base, index * 60),
        updated_at: isoMinutesBefore(base, index * 30),
        artefact_count: index % 4,
        priority: index % 3 === 0 ? 'P1' : 'P2',
        actionability: 'immediately_actionable',
        already_addressed: false,
        is_suggested_reviewer: false,
        source_products: ['error_tracking'],
    }))
}

/** The bundled document plus thousands of unrelated paths and components: several megabytes, like PostHog's own. */
export function buildLargeSchemaDocument(): object {
    const components: Record<string, unknown> = {}
    const paths: Record<string, unknown> = {}
    for (let index = 0; index < LARGE_PROJECT_SIZES.schemaComponents; index += 1) {
        const name = `GeneratedResource${index}`
        components[name] = {
            type: 'object',
            description: `A resource the run schema never refers to (${index}).`,
            properties: Object.fromEntries(
                Array.from({ length: 12 }, (_, field) => [
                    `field_${field}`,
                    { type: field % 2 === 0 ? 'string' : 'integer', description: `Field ${field} of ${name}.` },
                ])
            ),
            required: ['field_0', 'field_1'],
        }
        paths[`/api/projects/{project_id}/generated_${index}/`] = {
            get: {
                operationId: `generated_${index}_list`,
                responses: {
                    '200': { content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } },
                },
            },
        }
    }
    return {
        ...bundledSchemaDocument,
        paths: { ...bundledSchemaDocument.paths, ...paths },
        components: {
            ...bundledSchemaDocument.components,
            schemas: { ...bundledSchemaDocument.components.schemas, ...components },
        },
    }
}

/** Adds the large project's rows to the state once, and serves the large schema document from then on. */
export function seedLargeProject(state: FakeState, options: FakePostHogOptions): void {
    if (state.tasks.some((task) => task.id === uuidOf(1, 0))) return
    const lastNumber = Math.max(0, ...state.tasks.map((task) => task.task_number))
    state.tasks.push(...buildLargeTasks(lastNumber + 1))
    state.runs.push(...buildLargeRuns())
    state.signalReports.push(...buildLargeReports())
    options.schemaDocument = buildLargeSchemaDocument()
}

/** The admin call's answer: what the project now holds. */
export function seedLargeProjectResponse(state: FakeState, options: FakePostHogOptions): Response {
    seedLargeProject(state, options)
    return jsonResponse(200, {
        tasks: state.tasks.filter((task) => task.projectId === DEMO_PROJECT_ID).length,
        runs: state.listTaskRuns(DEMO_TASK_IDS.flakyLoginTest).length,
        signal_reports: state.signalReports.filter((report) => report.projectId === DEMO_PROJECT_ID).length,
        schema_document_bytes: JSON.stringify(options.schemaDocument).length,
    })
}
