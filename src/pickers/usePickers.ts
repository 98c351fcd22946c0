import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'

import type { ApiError } from '../api/ApiError.ts'
import type { PostHogClient } from '../api/createPostHogClient.ts'
import { sandboxEnvironmentsQueryOptions, signalReportsQueryOptions } from '../api/pickerQueries.ts'
import type { SandboxEnvironment, SignalReport, TaskRun } from '../api/postHogSchemas.ts'
import { isTerminalRunStatus } from '../api/runStatus.ts'
import { runsQueryOptions } from '../api/taskQueries.ts'
import type { ModelChoice } from '../contract/bundledModelCatalog.ts'
import type { FieldPicker, PickerOption } from '../form/formTypes.ts'
import { FIELD } from '../schema/fieldRules.ts'
import type { RunDefaults } from '../schema/runDefaults.ts'
import { statusLabel } from '../results/statusLabel.ts'
import { modelPicker } from './modelPicker.ts'

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function formatDate(value: string | undefined): string {
    if (!value) return 'unknown date'
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? value : DATE_FORMAT.format(date)
}

function runOption(run: TaskRun): PickerOption {
    const detail = [run.branch, run.model].filter(Boolean).join(' · ')
    return {
        value: run.id,
        label: `${statusLabel(run.status)} · ${formatDate(run.created_at)}`,
        ...(detail ? { detail } : {}),
    }
}

function environmentOption(environment: SandboxEnvironment): PickerOption {
    const access = environment.network_access_level ? `${environment.network_access_level} network access` : ''
    return { value: environment.id, label: environment.name ?? environment.id, ...(access ? { detail: access } : {}) }
}

function reportOption(report: SignalReport): PickerOption {
    const detail = [report.status, report.priority].filter(Boolean).join(' · ')
    return { value: report.id, label: report.title ?? report.id, ...(detail ? { detail } : {}) }
}

interface QueryState<T> {
    isPending: boolean
    isError: boolean
    error: ApiError | null
    data: readonly T[] | undefined
    refetch: () => unknown
}

interface PickerNouns {
    label: string
    placeholder: string
    emptyMessage: string
}

const RESUME_NOUNS: PickerNouns = {
    label: 'finished runs',
    placeholder: 'Start fresh (do not resume)',
    emptyMessage: 'This task has no finished runs to resume yet: it starts fresh.',
}
const SANDBOX_NOUNS: PickerNouns = {
    label: 'sandbox environments',
    placeholder: 'PostHog’s default environment',
    emptyMessage: 'No sandbox environments in this project: PostHog uses its default.',
}
const REPORT_NOUNS: PickerNouns = {
    label: 'signal reports',
    placeholder: 'Choose a signal report…',
    emptyMessage: 'The Inbox has no signal reports: paste a report ID.',
}

function queryParts<T>({ isPending, isError, error, data, refetch }: QueryState<T>): QueryState<T> {
    return { isPending, isError, error, data, refetch }
}

/** One picker, memoised on its query's parts (a query result is a new object each render): it changes when they do. */
function usePicker<T>(
    { isPending, isError, error, data, refetch }: QueryState<T>,
    enabled: boolean,
    nouns: PickerNouns,
    toOption: (item: T) => PickerOption
): FieldPicker | undefined {
    return useMemo(
        () => (enabled ? toPicker({ isPending, isError, error, data, refetch }, nouns, toOption) : undefined),
        [enabled, isPending, isError, error, data, refetch, nouns, toOption]
    )
}

function toPicker<T>(query: QueryState<T>, nouns: PickerNouns, toOption: (item: T) => PickerOption): FieldPicker {
    if (query.isError) {
        return {
            status: 'error',
            label: nouns.label,
            message: query.error?.message ?? 'unknown error',
            retry: () => {
                void query.refetch()
            },
        }
    }
    if (query.isPending || !query.data) return { status: 'loading', label: nouns.label }
    return { status: 'ready', ...nouns, options: query.data.map(toOption) }
}

/** The lists that replace pasted ids once connected: models, previous runs, sandbox environments, reports. */
export function usePickers(
    client: PostHogClient | undefined,
    taskId: string,
    models: readonly ModelChoice[],
    runDefaults?: RunDefaults
): ReadonlyMap<string, FieldPicker> {
    const connected = client !== undefined
    const runs = useQuery(runsQueryOptions(client, taskId))
    // Only a run that has ended can be resumed; a live one takes follow-ups in PostHog instead.
    const finishedRuns = useMemo(() => runs.data?.filter((run) => isTerminalRunStatus(run.status)), [runs.data])
    const resume = usePicker(
        { ...queryParts(runs), data: finishedRuns },
        connected && taskId !== '',
        RESUME_NOUNS,
        runOption
    )
    const sandbox = usePicker(
        queryParts(useQuery(sandboxEnvironmentsQueryOptions(client))),
        connected,
        SANDBOX_NOUNS,
        environmentOption
    )
    const report = usePicker(
        queryParts(useQuery(signalReportsQueryOptions(client))),
        connected,
        REPORT_NOUNS,
        reportOption
    )
    return useMemo(() => {
        const pickers = new Map<string, FieldPicker>([[FIELD.model, modelPicker(models, runDefaults)]])
        if (resume) pickers.set(FIELD.resumeFromRunId, resume)
        if (sandbox) pickers.set(FIELD.sandboxEnvironmentId, sandbox)
        if (report) pickers.set(FIELD.signalReportId, report)
        return pickers
    }, [models, runDefaults, resume, sandbox, report])
}
