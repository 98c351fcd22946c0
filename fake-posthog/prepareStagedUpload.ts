import { randomUUID } from 'node:crypto'

import { drfChoice, drfDict, drfInteger, drfList, drfObject, drfString, parseDrf } from './drfFields.ts'
import type { FakeTask } from './fakeEntities.ts'
import type { FakeState } from './FakeState.ts'
import { buildValidationFailure } from './hogError.ts'
import type { HttpFailure } from './jsonResponse.ts'
import { presignPost, UPLOAD_SLACK_BYTES } from './presignPost.ts'
import {
    ARTIFACT_TYPES,
    buildStagedStoragePath,
    describeSizeLimitError,
    getArtifactSizeLimit,
    MAX_ARTIFACT_BYTES,
    UPLOAD_EXPIRATION_SECONDS,
} from './stagedArtifactRules.ts'

const prepareUploadSchema = drfObject({
    artifacts: drfList(
        drfObject({
            name: drfString({ maxLength: 255 }),
            type: drfChoice(ARTIFACT_TYPES),
            source: drfString({ maxLength: 64, allowBlank: true }).optional(),
            size: drfInteger(1, MAX_ARTIFACT_BYTES),
            content_type: drfString({ maxLength: 255, allowBlank: true }).optional(),
            metadata: drfDict().optional(),
        }),
        { allowEmpty: false }
    ),
})

export type StagedUploadResult = { ok: true; body: unknown } | { ok: false; failure: HttpFailure }

// prepare_task_staged_artifacts: one presigned POST per file, all pointing at the fake bucket on this server.
export function prepareStagedUpload(
    state: FakeState,
    task: FakeTask,
    body: unknown,
    uploadUrl: string
): StagedUploadResult {
    const parsed = parseDrf(prepareUploadSchema, body)
    if (!parsed.ok) {
        return parsed
    }
    const items = parsed.data.artifacts
    for (const [index, item] of items.entries()) {
        if (item.type === 'skill_bundle' && item.metadata === undefined) {
            const failure = buildValidationFailure(
                'required',
                'This field is required.',
                `artifacts__${index}__metadata`
            )
            return { ok: false, failure }
        }
        if (item.size > getArtifactSizeLimit(item)) {
            return {
                ok: false,
                failure: buildValidationFailure('invalid', describeSizeLimitError(item), `artifacts__${index}__size`),
            }
        }
    }
    const issuedAt = state.now()
    const expiresAt = new Date(issuedAt.getTime() + UPLOAD_EXPIRATION_SECONDS * 1000)
    const artifacts = items.map((item) => {
        const id = randomUUID()
        const storagePath = buildStagedStoragePath(task.projectId, task.id, id, item.name)
        const contentType = item.content_type === undefined || item.content_type === '' ? null : item.content_type
        const fields = presignPost({
            key: storagePath,
            contentType,
            maxBytes: item.size + UPLOAD_SLACK_BYTES,
            issuedAt,
            expiresAt,
        })
        state.stagedArtifacts.set(id, {
            id,
            projectId: task.projectId,
            taskId: task.id,
            name: item.name,
            type: item.type,
            source: item.source ?? null,
            size: item.size,
            content_type: contentType,
            storage_path: storagePath,
            fields,
            policyExpiresAt: expiresAt,
            upload: null,
            finalizedAt: null,
            expired: false,
        })
        return {
            id,
            name: item.name,
            type: item.type,
            source: item.source ?? null,
            size: item.size,
            content_type: contentType,
            storage_path: storagePath,
            expires_in: UPLOAD_EXPIRATION_SECONDS,
            presigned_post: { url: uploadUrl, fields },
        }
    })
    return { ok: true, body: { artifacts } }
}
