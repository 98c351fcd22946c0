import type { FieldGroupId } from './fieldModel.ts'

export interface FieldGroup {
    id: FieldGroupId
    title: string
    /** Known properties in display order; properties not listed anywhere go to "other". */
    fields: readonly string[]
}

// How a person thinks about a run; this is presentation, so it lives beside the compiler, not in the schema.
export const FIELD_GROUPS: readonly FieldGroup[] = [
    {
        id: 'run',
        title: 'What to run',
        fields: [
            'model',
            'reasoning_effort',
            'context_window',
            'fast_mode',
            'initial_permission_mode',
            'mode',
            'runtime_adapter',
        ],
    },
    { id: 'prompt', title: 'Prompt', fields: ['pending_user_message', 'pending_user_artifact_ids'] },
    { id: 'where', title: 'Where it runs', fields: ['branch', 'sandbox_environment_id', 'custom_image_id'] },
    { id: 'pullRequests', title: 'Pull requests', fields: ['pr_authorship_mode', 'github_user_token', 'auto_publish'] },
    { id: 'source', title: 'Where it came from', fields: ['run_source', 'signal_report_id'] },
    { id: 'resume', title: 'Resume', fields: ['resume_from_run_id'] },
    { id: 'other', title: 'More options', fields: [] },
]

/** String properties that hold prose and get a multi-line input. */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['pending_user_message'])

export function groupOf(name: string): { group: FieldGroupId; order: number } {
    let offset = 0
    for (const group of FIELD_GROUPS) {
        const index = group.fields.indexOf(name)
        if (index !== -1) {
            return { group: group.id, order: offset + index }
        }
        offset += group.fields.length
    }
    return { group: 'other', order: Number.MAX_SAFE_INTEGER }
}
