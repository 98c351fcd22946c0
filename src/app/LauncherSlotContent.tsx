import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'

import type { PostHogClient } from '../api/createPostHogClient.ts'
import { AttachmentsField } from '../attachments/AttachmentsField.tsx'
import type { EmbedBridge } from '../embed/useEmbedBridge.ts'
import { HostSubmitPrompt } from '../embed/HostSubmitPrompt.tsx'
import { fieldSlot, NOTICE_SLOT, useFormSlot, type FormSlots } from '../form/formSlots.ts'
import { RecentRuns } from '../results/RecentRuns.tsx'
import { SubmitNotice } from '../results/SubmitNotice.tsx'
import type { RunSubmission } from '../results/useRunSubmission.ts'
import { FIELD } from '../schema/fieldRules.ts'
import { BELOW_FORM_SLOT } from './formBinding.ts'

interface LauncherSlotContentProps {
    slots: FormSlots
    client: PostHogClient | undefined
    taskId: string
    submission: RunSubmission
    embedBridge: EmbedBridge
    /** The current model has an artifact id list for attachments to fill. */
    hasAttachments: boolean
    embedded: boolean
    onArtifactIdsChange: (previous: readonly string[], next: readonly string[]) => void
    onRetry: () => void
}

/** What the launcher shows inside the form and below it: rendered here, so react-query and state stay the launcher's. */
export function LauncherSlotContent({
    slots,
    client,
    taskId,
    submission,
    embedBridge,
    hasAttachments,
    embedded,
    onArtifactIdsChange,
    onRetry,
}: LauncherSlotContentProps): ReactNode {
    const noticeSlot = useFormSlot(slots, NOTICE_SLOT)
    const attachmentsSlot = useFormSlot(slots, fieldSlot(FIELD.artifactIds))
    const belowFormSlot = useFormSlot(slots, BELOW_FORM_SLOT)
    return (
        <>
            {noticeSlot
                ? createPortal(
                      <>
                          {embedBridge.submitRequest ? (
                              <HostSubmitPrompt
                                  origin={embedBridge.submitRequest.origin}
                                  onStart={embedBridge.confirmHostSubmit}
                                  onDismiss={embedBridge.dismissHostSubmit}
                              />
                          ) : null}
                          <SubmitNotice blocker={submission.blocker} error={submission.submitError} onRetry={onRetry} />
                      </>,
                      noticeSlot
                  )
                : null}
            {attachmentsSlot && hasAttachments
                ? createPortal(
                      <AttachmentsField
                          client={client}
                          taskId={taskId}
                          onArtifactIdsChange={onArtifactIdsChange}
                          missingArtifacts={submission.missingArtifacts}
                      />,
                      attachmentsSlot
                  )
                : null}
            {belowFormSlot && !embedded
                ? createPortal(<RecentRuns runs={submission.history} onOpen={submission.showResult} />, belowFormSlot)
                : null}
        </>
    )
}
