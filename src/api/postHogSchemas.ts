import * as z from 'zod/mini'

/** A display field: a wrong type or null reads as undefined, so drift in one field never hides a row. */
function lenient<T extends z.ZodMiniType>(schema: T) {
    return z.pipe(
        z.catch(z.optional(z.nullable(schema)), undefined),
        z.transform((value) => value ?? undefined)
    )
}

const text = lenient(z.string())

// Ids are the one thing a row cannot do without.
const id = z.string().check(z.minLength(1))

export const TaskRunSchema = z.object({
    id,
    task: text,
    stage: text,
    branch: text,
    status: text,
    environment: text,
    runtime_adapter: text,
    provider: text,
    model: text,
    reasoning_effort: text,
    log_url: text,
    error_message: text,
    output: lenient(z.record(z.string(), z.unknown())),
    // Only its mode is read (interactive runs take messages); the rest may hold anything.
    state: lenient(z.object({ mode: text })),
    created_at: text,
    updated_at: text,
    completed_at: text,
})
export type TaskRun = z.infer<typeof TaskRunSchema>

const UserBasicSchema = z.object({
    id: lenient(z.union([z.number(), z.string()])),
    first_name: text,
    last_name: text,
    email: text,
})
export type UserBasic = z.infer<typeof UserBasicSchema>

export const TaskSchema = z.object({
    id,
    task_number: lenient(z.number()),
    slug: text,
    title: text,
    description: text,
    origin_product: text,
    repository: text,
    signal_report: text,
    archived: lenient(z.boolean()),
    // Some PostHog versions send the run id alone instead of the run.
    latest_run: lenient(z.union([z.string(), TaskRunSchema])),
    created_at: text,
    updated_at: text,
    last_activity_at: text,
    created_by: lenient(UserBasicSchema),
})
export type Task = z.infer<typeof TaskSchema>

export const SandboxEnvironmentSchema = z.object({
    id,
    name: text,
    network_access_level: text,
    allowed_domains: lenient(z.array(z.string())),
    repositories: lenient(z.array(z.string())),
    private: lenient(z.boolean()),
    custom_image_name: text,
    custom_image_status: text,
})
export type SandboxEnvironment = z.infer<typeof SandboxEnvironmentSchema>

export const SignalReportSchema = z.object({
    id,
    title: text,
    summary: text,
    status: text,
    priority: text,
    signal_count: lenient(z.number()),
    created_at: text,
    updated_at: text,
})
export type SignalReport = z.infer<typeof SignalReportSchema>

export const ApiModelSchema = z.object({
    runtime_adapter: z.string(),
    model: z.string().check(z.minLength(1)),
    display_name: text,
    supported_efforts: z.catch(z.array(z.string()), []),
})
export type ApiModel = z.infer<typeof ApiModelSchema>

// Entries are checked one by one (see listModels), so one odd model does not lose the others.
export const ModelsResponseSchema = z.object({ models: z.array(z.unknown()) })

export const CurrentUserSchema = z.object({
    uuid: text,
    first_name: text,
    last_name: text,
    email: text,
})
export type CurrentUser = z.infer<typeof CurrentUserSchema>

export const ProjectSchema = z.object({
    id: z.union([z.number(), z.string()]),
    name: text,
})
export type Project = z.infer<typeof ProjectSchema>

// The schema compiler checks the document itself; here it only has to be a JSON object.
export const SchemaDocumentSchema = z.record(z.string(), z.unknown())

/** LimitOffset pages; a bare array is accepted too, in case an endpoint is not paginated. */
export function pageSchema<T extends z.ZodMiniType>(item: T) {
    return z.union([
        z.object({
            count: lenient(z.number()),
            next: text,
            results: z.array(item),
        }),
        z.array(item),
    ])
}

export interface Page<T> {
    results: readonly T[]
    /** The total on the server, when it says. */
    count: number | undefined
    hasMore: boolean
}

export function toPage<T>(
    parsed: T[] | { count: number | undefined; next: string | undefined; results: T[] }
): Page<T> {
    if (Array.isArray(parsed)) return { results: parsed, count: parsed.length, hasMore: false }
    return {
        results: parsed.results,
        count: parsed.count,
        hasMore: parsed.next !== undefined && parsed.results.length > 0,
    }
}

// Presigned fields go back to storage verbatim, so each must be a string.
const PresignedPostSchema = z.object({
    url: z.url({ protocol: /^https?$/ }),
    fields: z.record(z.string(), z.string()),
})
export type PresignedPost = z.infer<typeof PresignedPostSchema>

export const PreparedArtifactSchema = z.object({
    id,
    name: z.string(),
    storage_path: z.string().check(z.minLength(1)),
    content_type: text,
    expires_in: lenient(z.number()),
    presigned_post: PresignedPostSchema,
})
export type PreparedArtifact = z.infer<typeof PreparedArtifactSchema>

export const PrepareUploadResponseSchema = z.object({ artifacts: z.array(PreparedArtifactSchema) })

export const FinalizedArtifactSchema = z.object({
    id,
    name: text,
    size: lenient(z.number()),
    content_type: text,
    storage_path: text,
    uploaded_at: text,
})
export type FinalizedArtifact = z.infer<typeof FinalizedArtifactSchema>

export const FinalizeUploadResponseSchema = z.object({ artifacts: z.array(FinalizedArtifactSchema) })
