import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { defaultFormValues } from '../schema/defaultFormValues.ts'
import { FIELD } from '../schema/fieldRules.ts'
import { TEST_CONTEXT } from '../schema/testDocuments.ts'
import { createFormSlots, fieldSlot, NOTICE_SLOT, useFormSlot, type FormSlots } from './formSlots.ts'
import { RunForm } from './RunForm.tsx'

/** An add-on that needs its owner's QueryClientProvider, as attachments or any future picker would. */
function UploadQuota(): ReactNode {
    const quota = useQuery({ queryKey: ['quota'], queryFn: () => Promise.resolve('3 files left') })
    return <p>{quota.data ?? 'Checking…'}</p>
}

/** The owner of the add-ons: its own provider, rendering into the form's slots from outside the form's tree. */
function Owner({ slots }: { slots: FormSlots }): ReactNode {
    const field = useFormSlot(slots, fieldSlot(FIELD.artifactIds))
    const notice = useFormSlot(slots, NOTICE_SLOT)
    return (
        <>
            {field ? createPortal(<UploadQuota />, field) : null}
            {notice ? createPortal(<p>Connect first</p>, notice) : null}
        </>
    )
}

describe('form slots', () => {
    it('show an add-on that uses react-query inside the form, rendered from its owner’s provider', async () => {
        const slots = createFormSlots()
        render(
            <>
                <QueryClientProvider client={new QueryClient()}>
                    <Owner slots={slots} />
                </QueryClientProvider>
                <RunForm
                    model={BUNDLED_FIELD_MODEL}
                    context={TEST_CONTEXT}
                    defaultValues={defaultFormValues(BUNDLED_FIELD_MODEL)}
                    onSubmit={() => undefined}
                    target={{ host: '', projectId: '', taskId: '' }}
                    slots={slots}
                    slotFields={new Set([FIELD.artifactIds])}
                />
            </>
        )
        const form = screen.getByRole('form', { name: 'Run settings' })
        const field = form.querySelector(`[data-field="${FIELD.artifactIds}"]`)
        if (!(field instanceof HTMLElement)) throw new Error('the artifact ids field is rendered')
        expect(await within(field).findByText('3 files left')).toBeInTheDocument()
        expect(within(form).getByText('Connect first')).toBeInTheDocument()
    })

    it('hand out one ref callback per slot and tell readers only when an element changes', () => {
        const slots = createFormSlots()
        expect(slots.ref('a')).toBe(slots.ref('a'))
        let told = 0
        slots.subscribe(() => {
            told++
        })
        const element = document.createElement('div')
        slots.ref('a')(element)
        slots.ref('a')(element)
        expect(told).toBe(1)
        expect(slots.getSnapshot().get('a')).toBe(element)
        slots.ref('a')(null)
        expect(slots.getSnapshot().has('a')).toBe(false)
    })
})
