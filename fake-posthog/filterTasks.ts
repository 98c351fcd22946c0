import type { FakeTask } from './fakeEntities.ts'
import type { FakeState } from './FakeState.ts'

const ORDERABLE_FIELDS = new Set(['created_at', 'updated_at', 'last_activity_at', 'title', 'task_number'])

// TaskListQuerySerializer's filters that a picker needs, and the default -created_at ordering.
export function filterTasks(state: FakeState, tasks: readonly FakeTask[], query: URLSearchParams): FakeTask[] {
    const search = query.get('search')?.trim().toLowerCase() ?? ''
    const status = query.get('status')
    const repository = query.get('repository')?.toLowerCase()
    const originProduct = query.get('origin_product')
    const createdBy = query.get('created_by')
    const filtered = tasks.filter(
        (task) =>
            matchesFlag(task.archived, query.get('archived')) &&
            matchesFlag(task.internal, query.get('internal')) &&
            (search === '' || matchesSearch(task, search)) &&
            (status === null || state.findLatestRun(task.id)?.status === status) &&
            (repository === undefined ||
                task.repositories.some((candidate) => candidate.toLowerCase() === repository)) &&
            (originProduct === null || task.origin_product === originProduct) &&
            (createdBy === null || String(task.createdById) === createdBy)
    )
    return sortTasks(filtered, query.get('ordering') ?? '-created_at')
}

// 'true' | 'false' | 'all', excluding by default
function matchesFlag(value: boolean, filter: string | null): boolean {
    if (filter === 'all') {
        return true
    }
    return value === (filter === 'true')
}

// title or description, case-insensitive; a number also matches the task number
function matchesSearch(task: FakeTask, search: string): boolean {
    if (/^\d+$/.test(search) && task.task_number === Number(search)) {
        return true
    }
    return task.title.toLowerCase().includes(search) || task.description.toLowerCase().includes(search)
}

function sortTasks(tasks: FakeTask[], ordering: string): FakeTask[] {
    const descending = ordering.startsWith('-')
    const field = descending ? ordering.slice(1) : ordering
    if (!ORDERABLE_FIELDS.has(field)) {
        return sortTasks(tasks, '-created_at')
    }
    const sorted = [...tasks].sort((a, b) => compareTaskField(a, b, field))
    return descending ? sorted.reverse() : sorted
}

function compareTaskField(a: FakeTask, b: FakeTask, field: string): number {
    switch (field) {
        case 'title':
            return a.title.localeCompare(b.title)
        case 'task_number':
            return a.task_number - b.task_number
        case 'updated_at':
            return Date.parse(a.updated_at) - Date.parse(b.updated_at)
        case 'last_activity_at':
            return Date.parse(a.last_activity_at ?? a.created_at) - Date.parse(b.last_activity_at ?? b.created_at)
        default:
            return Date.parse(a.created_at) - Date.parse(b.created_at)
    }
}
