export const ARTIFACT_TYPES = [
    'plan',
    'context',
    'reference',
    'output',
    'artifact',
    'tree_snapshot',
    'user_attachment',
    'skill_bundle',
] as const

export const MAX_ARTIFACT_BYTES = 31457280
export const MAX_PDF_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const UPLOAD_EXPIRATION_SECONDS = 3600

export interface SizedArtifact {
    name: string
    type: string
    content_type?: string | null | undefined
}

// TASK_RUN_ARTIFACT_MAX_SIZE_BYTES, lowered for PDF user attachments.
export function getArtifactSizeLimit(artifact: SizedArtifact): number {
    const isPdf = artifact.name.toLowerCase().endsWith('.pdf') || artifact.content_type === 'application/pdf'
    return artifact.type === 'user_attachment' && isPdf ? MAX_PDF_ATTACHMENT_BYTES : MAX_ARTIFACT_BYTES
}

export function describeSizeLimitError(artifact: SizedArtifact): string {
    const megabytes = Math.round(getArtifactSizeLimit(artifact) / (1024 * 1024))
    return `'${artifact.name}' exceeds the ${megabytes}MB attachment limit.`
}

// Every staged object of a task lives under this prefix; finalize refuses paths outside it.
export function buildStagedPrefix(projectId: number, taskId: string): string {
    return `tasks/staged_artifacts/team_${projectId}/task_${taskId}/`
}

export function buildStagedStoragePath(projectId: number, taskId: string, id: string, name: string): string {
    const safeName = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 200) || 'attachment'
    return `${buildStagedPrefix(projectId, taskId)}${id}/${safeName}`
}
