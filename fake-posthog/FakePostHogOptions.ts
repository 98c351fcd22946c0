import type { FakeModel, TaskRunStatus, TerminalRunStatus } from './fakeEntities.ts'
import type { RunDefaultsSetting } from './resolveRunDefaults.ts'
import type { SchemaDocumentOption } from './schemaDocumentResponse.ts'

export interface FakePostHogOptions {
    // the tasks/models/ catalogue (also the reasoning-effort table); 'missing' answers 404, 'empty' an empty list
    models?: readonly FakeModel[] | 'missing' | 'empty'
    // served by /api/schema/; default: src/contract/bundledSchemaDocument.json
    schemaDocument?: SchemaDocumentOption
    // status for missing or bad credentials on the tasks endpoints (users/@me and projects always say 401)
    unauthenticatedStatus?: 401 | 403
    // statuses a new run goes through, one step per GET of the run; default queued, in_progress, finalStatus
    runStatusSteps?: readonly TaskRunStatus[]
    finalStatus?: TerminalRunStatus
    // a run's scripted activity (fakeRunActivity.ts): one entry every stepMs (default 900) from the run's start,
    // historyEntries already-logged entries before it, and the stream rotated once after each listed entry count
    activity?: { stepMs?: number; historyEntries?: number; rotateAfterEntries?: readonly number[] }
    // the saved run defaults (tasks/@me/config/, §4); default: none, so a run without a model gets the catalogue's
    runDefaults?: RunDefaultsSetting
}

export function resolveRunStatusSteps(options: FakePostHogOptions): readonly TaskRunStatus[] {
    return options.runStatusSteps ?? ['queued', 'in_progress', options.finalStatus ?? 'completed']
}
