import { drfChoice, drfDict, drfList, drfObject, drfString, parseDrf } from './drfFields.ts'
import type { FakeStagedArtifact, FakeTask } from './fakeEntities.ts'
import type { FakeState } from './FakeState.ts'
import type { StagedUploadResult } from './prepareStagedUpload.ts'
import {
    ARTIFACT_TYPES,
    buildStagedPrefix,
    describeSizeLimitError,
    getArtifactSizeLimit,
} from './stagedArtifactRules.ts'

const finalizeUploadSchema = drfObject({
    artifacts: drfList(
        drfObject({
            id: drfString({ maxLength: 128 }),
            name: drfString({ maxLength: 255 }),
            type: drfChoice(ARTIFACT_TYPES),
            source: drfString({ maxLength: 64, allowBlank: true }).optional(),
            storage_path: drfString({ maxLength: 500 }),
            content_type: drfString({ maxLength: 255, allowBlank: true }).optional(),
            metadata: drfDict().optional(),
        }),
        { allowEmpty: false }
    ),
})

// finalize_task_staged_artifacts: the path must be this task's, the object must exist, its size is re-checked.
export function finalizeStagedUpload(state: FakeState, task: FakeTask, body: unknown): StagedUploadResult {
    const parsed = parseDrf(finalizeUploadSchema, body)
    if (!parsed.ok) {
        return parsed
    }
    const prefix = buildStagedPrefix(task.projectId, task.id)
    const accepted: { staged: FakeStagedArtifact; upload: NonNullable<FakeStagedArtifact['upload']> }[] = []
    for (const item of parsed.data.artifacts) {
        if (!item.storage_path.startsWith(prefix) || !item.storage_path.includes(item.id)) {
            return refuse(`Invalid storage path for artifact ${item.id}`)
        }
        const staged = state.findStagedArtifactByPath(item.storage_path)
        if (staged?.id !== item.id || staged.expired || staged.upload === null) {
            return refuse(`Uploaded file not found for artifact ${item.id}`)
        }
        const sized = { name: item.name, type: item.type, content_type: item.content_type ?? staged.content_type }
        if (staged.upload.bytes.byteLength > getArtifactSizeLimit(sized)) {
            return refuse(describeSizeLimitError(sized))
        }
        accepted.push({ staged, upload: staged.upload })
    }
    const finalizedAt = state.now().toISOString()
    const artifacts = accepted.map(({ staged, upload }) => {
        staged.finalizedAt = finalizedAt
        return {
            id: staged.id,
            name: staged.name,
            type: staged.type,
            source: staged.source,
            size: upload.bytes.byteLength,
            content_type: staged.content_type,
            storage_path: staged.storage_path,
            uploaded_at: upload.uploadedAt,
        }
    })
    return { ok: true, body: { artifacts } }
}

function refuse(error: string): StagedUploadResult {
    return { ok: false, failure: { status: 400, body: { error } } }
}
