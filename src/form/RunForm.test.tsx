import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createRef } from 'react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { BUNDLED_FIELD_MODEL, RUN_SCHEMA_NAME } from '../schema/bundledFieldModel.ts'
import { compileSchema } from '../schema/compileSchema.ts'
import { defaultFormValues } from '../schema/defaultFormValues.ts'
import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import { copyBundledDocument, TEST_CONTEXT } from '../schema/testDocuments.ts'
import type { RequestPreviewProps } from './RequestPreview.tsx'
import { RunForm, type RunFormHandle, type ServerFieldErrors } from './RunForm.tsx'

const TARGET = { host: 'https://us.posthog.com', projectId: '1', taskId: 't' }

function renderForm(
    options: {
        model?: FieldModel
        values?: FormValues
        serverErrors?: ServerFieldErrors
        locked?: string[]
        progressive?: boolean
    } = {}
) {
    const model = options.model ?? BUNDLED_FIELD_MODEL
    const onSubmit = vi.fn()
    const props = {
        model,
        context: TEST_CONTEXT,
        defaultValues: { ...defaultFormValues(model), ...options.values },
        onSubmit,
        target: TARGET,
        lockedFields: new Set(options.locked ?? []),
    }
    const view = render(
        <RunForm {...props} serverErrors={options.serverErrors} progressive={options.progressive ?? false} />
    )
    return { onSubmit, view, props }
}

describe('RunForm', () => {
    it('submits the request body, without the values of hidden fields', async () => {
        const user = userEvent.setup()
        const { onSubmit } = renderForm({ values: { model: 'claude-sonnet-5' } })
        await user.selectOptions(screen.getByLabelText(/^PR authorship mode/), 'user')
        await user.type(screen.getByLabelText(/^GitHub user token/), 'ghp_x')
        await user.selectOptions(screen.getByLabelText(/^PR authorship mode/), 'bot')
        await user.click(screen.getByRole('button', { name: 'Start run' }))
        await waitFor(() => {
            expect(onSubmit).toHaveBeenCalledTimes(1)
        })
        expect(onSubmit.mock.calls[0]?.[0]).toEqual({
            model: 'claude-sonnet-5',
            mode: 'background',
            runtime_adapter: 'claude',
            pr_authorship_mode: 'bot',
        })
    })

    it('starts a valid run within the submit event, once, and clears an earlier server error after', async () => {
        const { onSubmit, view, props } = renderForm({ values: { model: 'claude-sonnet-5', branch: 'feature/x' } })
        view.rerender(
            <RunForm {...props} serverErrors={{ id: 1, errors: new Map([['branch', 'Branch does not exist.']]) }} />
        )
        await waitFor(() => {
            expect(screen.getByRole('alert')).toHaveTextContent('Branch does not exist.')
        })
        fireEvent.submit(screen.getByRole('form', { name: 'Run settings' }))
        // No await in between: the request can leave before any re-render.
        expect(onSubmit).toHaveBeenCalledTimes(1)
        await waitFor(() => {
            expect(screen.queryByRole('alert')).toBeNull()
        })
        expect(onSubmit).toHaveBeenCalledTimes(1)
    })

    it('after a submit checks each change, and after endSubmit goes back to checking on submit, keeping values', async () => {
        const user = userEvent.setup()
        const ref = createRef<RunFormHandle>()
        const { props } = renderForm({ values: { model: 'claude-sonnet-5' } })
        const view = render(<RunForm {...props} ref={ref} />)
        const branch = within(view.container).getByLabelText(/^Branch/)
        await user.click(within(view.container).getByRole('button', { name: 'Start run' }))
        const message = 'Branch can’t be only spaces: clear it to use the repository’s default branch.'
        // submitted: a change is checked at once
        await user.type(branch, '  ')
        await waitFor(() => {
            expect(branch).toHaveAccessibleDescription(expect.stringContaining(message))
        })
        await user.clear(branch)
        await user.type(branch, 'feature/x')
        act(() => {
            ref.current?.endSubmit()
        })
        // back to checking on submit: the same change shows nothing until the next submit, and values stay
        await user.clear(branch)
        await user.type(branch, '  ')
        // let a change-time check, had there been one, settle
        await act(async () => {
            await new Promise((resolve) => setTimeout(resolve, 0))
        })
        expect(branch).not.toHaveAttribute('aria-invalid', 'true')
        expect(ref.current?.getValues()).toMatchObject({ model: 'claude-sonnet-5', branch: '  ' })
        await user.click(within(view.container).getByRole('button', { name: 'Start run' }))
        await waitFor(() => {
            expect(branch).toHaveAccessibleDescription(expect.stringContaining(message))
        })
    })

    it('puts a server error on its field, focuses it and keeps what was typed', async () => {
        const { view, props } = renderForm({ values: { model: 'claude-sonnet-5', branch: 'feature/x' } })
        view.rerender(
            <RunForm {...props} serverErrors={{ id: 1, errors: new Map([['branch', 'Branch does not exist.']]) }} />
        )
        const branch = screen.getByLabelText(/^Branch/)
        await waitFor(() => {
            expect(branch).toHaveFocus()
        })
        expect(branch).toHaveAccessibleDescription(expect.stringContaining('Branch does not exist.'))
        expect(branch).toHaveValue('feature/x')
        expect(screen.getByRole('alert')).toHaveTextContent('Branch does not exist.')
    })

    it('refuses a branch of only spaces on the field, and leaves an emptied one out', async () => {
        const user = userEvent.setup()
        const { onSubmit } = renderForm({ values: { model: 'claude-sonnet-5' } })
        const branch = screen.getByLabelText(/^Branch/)
        await user.type(branch, '   ')
        await user.click(screen.getByRole('button', { name: 'Start run' }))
        const message = 'Branch can’t be only spaces: clear it to use the repository’s default branch.'
        await waitFor(() => {
            expect(branch).toHaveAccessibleDescription(expect.stringContaining(message))
        })
        expect(branch).toHaveAttribute('aria-invalid', 'true')
        expect(onSubmit).not.toHaveBeenCalled()
        await user.clear(branch)
        await user.click(screen.getByRole('button', { name: 'Start run' }))
        await waitFor(() => {
            expect(onSubmit).toHaveBeenCalledTimes(1)
        })
        expect(onSubmit.mock.calls[0]?.[0]).not.toHaveProperty('branch')
    })

    it('keeps a row’s errors with the row when rows move or go', async () => {
        const user = userEvent.setup()
        const servers = [
            { type: 'http', name: 'first', url: 'https://first.example.com/mcp', headers: [] },
            { type: 'sse', name: 'second', url: 'https://intranet.example.com/sse', headers: [] },
            { type: 'http', name: 'third', url: 'third.example.com', headers: [] },
        ]
        const { view, props } = renderForm({ values: { model: 'claude-sonnet-5', imported_mcp_servers: servers } })
        const row = (index: number) => screen.getByRole('group', { name: `Imported MCP server ${index}` })
        const url = (index: number) => within(row(index)).getByLabelText(/^URL/)
        const hostError = 'The host resolves to a private address.'
        // the form's own check flags the third server; then PostHog refuses the second one's host
        await user.click(screen.getByRole('button', { name: 'Start run' }))
        await waitFor(() => {
            expect(url(3)).toHaveAttribute('aria-invalid', 'true')
        })
        view.rerender(
            <RunForm
                {...props}
                serverErrors={{ id: 1, errors: new Map([['imported_mcp_servers.1.url', hostError]]) }}
            />
        )
        await waitFor(() => {
            expect(url(2)).toHaveAttribute('aria-invalid', 'true')
        })
        expect(url(2)).toHaveAccessibleDescription(expect.stringContaining(hostError))

        // the second server moves up: its server error goes with it, and the third keeps its own
        await user.click(screen.getByRole('button', { name: /^Move up\s*Imported MCP server 2$/ }))
        expect(url(1)).toHaveValue('https://intranet.example.com/sse')
        expect(url(1)).toHaveAccessibleDescription(expect.stringContaining(hostError))
        expect(url(2)).toHaveAttribute('aria-invalid', 'false')
        expect(url(3)).toHaveAttribute('aria-invalid', 'true')

        // the first row goes: the others' errors move up one row with them
        await user.click(screen.getByRole('button', { name: /^Remove\s*Imported MCP server 1$/ }))
        expect(url(1)).toHaveValue('https://first.example.com/mcp')
        expect(url(1)).toHaveAttribute('aria-invalid', 'false')
        expect(url(2)).toHaveValue('third.example.com')
        expect(url(2)).toHaveAttribute('aria-invalid', 'true')
    })

    it('shows locked fields read-only and still submits them', async () => {
        const user = userEvent.setup()
        const { onSubmit } = renderForm({ values: { model: 'claude-opus-4-5', branch: 'main' }, locked: ['branch'] })
        expect(screen.getByLabelText(/^Branch/)).toHaveAttribute('readonly')
        expect(screen.getByLabelText(/^Branch/)).toHaveValue('main')
        await user.click(screen.getByRole('button', { name: 'Start run' }))
        await waitFor(() => {
            expect(onSubmit).toHaveBeenCalledTimes(1)
        })
        expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ branch: 'main' })
    })

    it('renders and validates new schema properties with no code change', async () => {
        const user = userEvent.setup()
        const { document, properties, schemas } = copyBundledDocument()
        properties['auto_merge'] = { type: 'boolean', nullable: true, description: 'Merge once checks pass.' }
        properties['review_depth'] = {
            allOf: [{ $ref: '#/components/schemas/ReviewDepthEnum' }],
            description: 'How closely the agent reviews its own change.',
        }
        schemas['ReviewDepthEnum'] = {
            enum: ['quick', 'thorough'],
            type: 'string',
            description: '* `quick` - quick\n* `thorough` - thorough',
        }
        const compiled = compileSchema(document, RUN_SCHEMA_NAME)
        if (!compiled.ok) throw new Error('compile failed')
        const { onSubmit } = renderForm({
            model: compiled.model,
            values: { model: 'claude-sonnet-5', review_depth: 'deep' },
        })
        const autoMerge = screen.getByRole('group', { name: 'Auto merge' })
        expect(autoMerge).toBeVisible()
        await user.click(screen.getByRole('button', { name: 'Start run' }))
        expect(await screen.findByText('Choose one of: quick, thorough.')).toBeVisible()
        await user.selectOptions(screen.getByLabelText(/^Review depth/), 'thorough')
        await user.click(within(autoMerge).getByRole('radio', { name: 'Yes' }))
        await user.click(screen.getByRole('button', { name: 'Start run' }))
        await waitFor(() => {
            expect(onSubmit).toHaveBeenCalledTimes(1)
        })
        expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ review_depth: 'thorough', auto_merge: true })
    })

    it('progressive: paints the fields down to the message first, and the rest once the browser is idle', async () => {
        renderForm({ progressive: true })
        expect(screen.getByLabelText(/^Model/)).toBeInTheDocument()
        expect(screen.getByLabelText(/^Pending user message/)).toBeInTheDocument()
        expect(screen.queryByLabelText(/^Pending user artifact IDs/)).not.toBeInTheDocument()
        expect(screen.queryByRole('group', { name: 'Where it runs' })).not.toBeInTheDocument()

        expect(await screen.findByLabelText(/^Pending user artifact IDs/)).toBeInTheDocument()
        expect(screen.getByRole('group', { name: 'Where it runs' })).toBeInTheDocument()
    })

    it('shows the preview it is given once the browser is idle, with the target it posts to', async () => {
        const { props } = renderForm()
        function FakePreview({ target }: RequestPreviewProps) {
            return <p>preview for task {target.taskId}</p>
        }
        render(<RunForm {...props} preview={FakePreview} />)
        expect(await screen.findByText(`preview for task ${TARGET.taskId}`)).toBeInTheDocument()
    })
})
