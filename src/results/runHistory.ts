import * as z from 'zod/mini'

import { storageKey } from '../lib/storageKey.ts'

/** A run this browser started: enough to reopen its result; never a key, token or message text. */
export interface RecentRun {
    host: string
    linkHost: string
    projectId: string
    taskId: string
    taskTitle: string | undefined
    runId: string
    model: string | undefined
    branch: string | undefined
    startedAt: number
}

export const MAX_RECENT_RUNS = 10
const STORAGE_KEY = storageKey('recent-runs:v1')
const short = z.string().check(z.maxLength(500))

const RecentRunSchema = z.object({
    host: short,
    linkHost: short,
    projectId: short,
    taskId: short,
    taskTitle: z.optional(short),
    runId: short,
    model: z.optional(short),
    branch: z.optional(short),
    startedAt: z.number(),
})

/** Reads the list leniently: a corrupt entry is dropped, a corrupt list is empty. */
export function parseRecentRuns(text: string | null): RecentRun[] {
    if (text === null) return []
    let data: unknown
    try {
        data = JSON.parse(text)
    } catch {
        return []
    }
    if (!Array.isArray(data)) return []
    const runs: RecentRun[] = []
    for (const entry of data) {
        const parsed = RecentRunSchema.safeParse(entry)
        if (parsed.success) {
            runs.push({
                ...parsed.data,
                taskTitle: parsed.data.taskTitle,
                model: parsed.data.model,
                branch: parsed.data.branch,
            })
        }
    }
    return runs.slice(0, MAX_RECENT_RUNS)
}

/** Newest first, one entry per run, at most MAX_RECENT_RUNS. */
export function addRecentRun(runs: readonly RecentRun[], run: RecentRun): RecentRun[] {
    return [run, ...runs.filter((entry) => entry.runId !== run.runId)].slice(0, MAX_RECENT_RUNS)
}

export interface RunHistoryStore {
    load: () => RecentRun[]
    save: (runs: readonly RecentRun[]) => void
}

export function createRunHistoryStore(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): RunHistoryStore {
    return {
        load: () => {
            try {
                return parseRecentRuns(storage?.getItem(STORAGE_KEY) ?? null)
            } catch {
                return []
            }
        },
        save: (runs) => {
            try {
                storage?.setItem(STORAGE_KEY, JSON.stringify(runs))
            } catch {
                // History is a convenience: a full or blocked storage only loses it.
            }
        },
    }
}
