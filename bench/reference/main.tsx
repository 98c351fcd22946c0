// The benchmark's yardstick: a lean react-hook-form + zod form of the bundled schema's fields, and nothing else.
import './reference.css'

import { zodResolver } from '@hookform/resolvers/zod'
import { StrictMode, useState, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { useForm, useWatch, type Control, type FieldError, type UseFormRegister } from 'react-hook-form'
import { z } from 'zod'

const optionalUuid = z.union([z.literal(''), z.uuid('Enter a UUID.')])
// "" leaves the switch to PostHog
const optionalSwitch = z.enum(['', 'true', 'false'])
// a JSON list, or nothing
const optionalJsonList = z.string().refine((text) => {
    if (text.trim() === '') return true
    try {
        return Array.isArray(JSON.parse(text))
    } catch {
        return false
    }
}, 'Enter a JSON list.')

const schema = z.object({
    model: z.string().trim().min(1, 'Enter a model.'),
    reasoning_effort: z.enum(['', 'low', 'medium', 'high', 'xhigh', 'max', 'ultracode']),
    context_window: z.enum(['', '200k', '1m']),
    fast_mode: optionalSwitch,
    initial_permission_mode: z.enum(['', 'default', 'acceptEdits', 'plan', 'bypassPermissions', 'auto']),
    mode: z.enum(['interactive', 'background']),
    runtime_adapter: z.literal('claude'),
    pending_user_message: z.string(),
    pending_user_artifact_ids: z.string(),
    branch: z.string().max(255, 'At most 255 characters.'),
    sandbox_environment_id: optionalUuid,
    custom_image_id: optionalUuid,
    pr_authorship_mode: z.enum(['', 'user', 'bot']),
    github_user_token: z.string(),
    auto_publish: optionalSwitch,
    run_source: z.enum(['', 'manual', 'signal_report', 'agent']),
    signal_report_id: z.string(),
    resume_from_run_id: optionalUuid,
    imported_mcp_servers: optionalJsonList,
    claude_model_access: z.enum(['', 'posthog-gateway']),
    benjamin_enabled: optionalSwitch,
    rtk_enabled: optionalSwitch,
})

type Values = z.infer<typeof schema>

const defaultValues: Values = {
    model: '',
    reasoning_effort: '',
    context_window: '',
    fast_mode: '',
    initial_permission_mode: '',
    mode: 'background',
    runtime_adapter: 'claude',
    pending_user_message: '',
    pending_user_artifact_ids: '',
    branch: '',
    sandbox_environment_id: '',
    custom_image_id: '',
    pr_authorship_mode: '',
    github_user_token: '',
    auto_publish: '',
    run_source: '',
    signal_report_id: '',
    resume_from_run_id: '',
    imported_mcp_servers: '',
    claude_model_access: '',
    benjamin_enabled: '',
    rtk_enabled: '',
}

const SWITCHES = ['fast_mode', 'auto_publish', 'benjamin_enabled', 'rtk_enabled'] as const

const params = new URLSearchParams(window.location.search)
const runUrl = `${new URL(params.get('endpoint') ?? window.location.origin).origin}/api/projects/${encodeURIComponent(
    params.get('project_id') ?? ''
)}/tasks/${encodeURIComponent(params.get('task_id') ?? '')}/run/`

// Empty fields are left out; hidden conditional fields never ride along.
function toBody(values: Values): Record<string, unknown> {
    const body: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(values)) {
        if (value !== '') body[name] = value
    }
    const artifactIds = values.pending_user_artifact_ids
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
    if (artifactIds.length > 0) body['pending_user_artifact_ids'] = artifactIds
    else delete body['pending_user_artifact_ids']
    for (const name of SWITCHES) if (values[name] !== '') body[name] = values[name] === 'true'
    if (values.imported_mcp_servers.trim() !== '')
        body['imported_mcp_servers'] = JSON.parse(values.imported_mcp_servers)
    if (values.pr_authorship_mode !== 'user') delete body['github_user_token']
    if (values.run_source !== 'signal_report') delete body['signal_report_id']
    return body
}

function ErrorText({ error }: { error: FieldError | undefined }): ReactNode {
    return error?.message ? <p className="error">{error.message}</p> : null
}

function When({
    control,
    name,
    equals,
    children,
}: {
    control: Control<Values>
    name: 'pr_authorship_mode' | 'run_source'
    equals: string
    children: ReactNode
}): ReactNode {
    return useWatch({ control, name }) === equals ? children : null
}

// A nullable switch: not set (PostHog decides), on or off.
function Switch({
    name,
    label,
    register,
}: {
    name: (typeof SWITCHES)[number]
    label: string
    register: UseFormRegister<Values>
}): ReactNode {
    return (
        <div className="field">
            <label htmlFor={name}>{label}</label>
            <select id={name} {...register(name)}>
                <option value="">Not set</option>
                <option value="true">On</option>
                <option value="false">Off</option>
            </select>
        </div>
    )
}

function ReferenceForm(): ReactNode {
    const {
        register,
        control,
        handleSubmit,
        formState: { errors },
    } = useForm<Values>({ defaultValues, resolver: zodResolver(schema) })
    const [status, setStatus] = useState('')

    const onSubmit = handleSubmit(async (values) => {
        setStatus('Starting…')
        try {
            const response = await fetch(runUrl, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(toBody(values)),
            })
            setStatus(response.ok ? 'Run started.' : `PostHog answered ${response.status}.`)
        } catch {
            setStatus('Could not reach PostHog.')
        }
    })

    return (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
            <div className="field">
                <label htmlFor="model">Model</label>
                <input id="model" aria-invalid={errors.model ? true : undefined} {...register('model')} />
                <ErrorText error={errors.model} />
            </div>
            <div className="field">
                <label htmlFor="reasoning_effort">Reasoning effort</label>
                <select id="reasoning_effort" {...register('reasoning_effort')}>
                    <option value="">Not set</option>
                    <option value="low">Low</option>
                    <option value="medium">Medium</option>
                    <option value="high">High</option>
                    <option value="xhigh">Extra high</option>
                    <option value="max">Maximum</option>
                    <option value="ultracode">Ultracode</option>
                </select>
            </div>
            <div className="field">
                <label htmlFor="context_window">Context window</label>
                <select id="context_window" {...register('context_window')}>
                    <option value="">Not set</option>
                    <option value="200k">200K</option>
                    <option value="1m">1M</option>
                </select>
            </div>
            <Switch name="fast_mode" label="Fast mode" register={register} />
            <div className="field">
                <label htmlFor="initial_permission_mode">Initial permission mode</label>
                <select id="initial_permission_mode" {...register('initial_permission_mode')}>
                    <option value="">Not set</option>
                    <option value="default">Default</option>
                    <option value="acceptEdits">Accept edits</option>
                    <option value="plan">Plan</option>
                    <option value="bypassPermissions">Bypass permissions</option>
                    <option value="auto">Auto</option>
                </select>
            </div>
            <div className="field">
                <label htmlFor="mode">Mode</label>
                <select id="mode" {...register('mode')}>
                    <option value="interactive">Interactive</option>
                    <option value="background">Background</option>
                </select>
            </div>
            <div className="field">
                <label htmlFor="runtime_adapter">Runtime adapter</label>
                <input id="runtime_adapter" readOnly {...register('runtime_adapter')} />
            </div>
            <div className="field">
                <label htmlFor="pending_user_message">Pending user message</label>
                <textarea id="pending_user_message" rows={6} {...register('pending_user_message')} />
            </div>
            <div className="field">
                <label htmlFor="pending_user_artifact_ids">Pending user artifact IDs</label>
                <textarea id="pending_user_artifact_ids" rows={3} {...register('pending_user_artifact_ids')} />
            </div>
            <div className="field">
                <label htmlFor="branch">Branch</label>
                <input id="branch" aria-invalid={errors.branch ? true : undefined} {...register('branch')} />
                <ErrorText error={errors.branch} />
            </div>
            <div className="field">
                <label htmlFor="sandbox_environment_id">Sandbox environment ID</label>
                <input
                    id="sandbox_environment_id"
                    aria-invalid={errors.sandbox_environment_id ? true : undefined}
                    {...register('sandbox_environment_id')}
                />
                <ErrorText error={errors.sandbox_environment_id} />
            </div>
            <div className="field">
                <label htmlFor="custom_image_id">Custom image ID</label>
                <input
                    id="custom_image_id"
                    aria-invalid={errors.custom_image_id ? true : undefined}
                    {...register('custom_image_id')}
                />
                <ErrorText error={errors.custom_image_id} />
            </div>
            <div className="field">
                <label htmlFor="pr_authorship_mode">PR authorship mode</label>
                <select id="pr_authorship_mode" {...register('pr_authorship_mode')}>
                    <option value="">Not set</option>
                    <option value="user">You</option>
                    <option value="bot">PostHog bot</option>
                </select>
            </div>
            <When control={control} name="pr_authorship_mode" equals="user">
                <div className="field">
                    <label htmlFor="github_user_token">GitHub user token</label>
                    <input
                        id="github_user_token"
                        type="password"
                        autoComplete="off"
                        {...register('github_user_token')}
                    />
                </div>
            </When>
            <Switch name="auto_publish" label="Auto publish" register={register} />
            <div className="field">
                <label htmlFor="run_source">Run source</label>
                <select id="run_source" {...register('run_source')}>
                    <option value="">Not set</option>
                    <option value="manual">Manual</option>
                    <option value="signal_report">Signal report</option>
                    <option value="agent">Agent</option>
                </select>
            </div>
            <When control={control} name="run_source" equals="signal_report">
                <div className="field">
                    <label htmlFor="signal_report_id">Signal report ID</label>
                    <input id="signal_report_id" {...register('signal_report_id')} />
                </div>
            </When>
            <div className="field">
                <label htmlFor="resume_from_run_id">Resume from run ID</label>
                <input
                    id="resume_from_run_id"
                    aria-invalid={errors.resume_from_run_id ? true : undefined}
                    {...register('resume_from_run_id')}
                />
                <ErrorText error={errors.resume_from_run_id} />
            </div>
            <div className="field">
                <label htmlFor="imported_mcp_servers">Imported MCP servers</label>
                <textarea
                    id="imported_mcp_servers"
                    rows={3}
                    aria-invalid={errors.imported_mcp_servers ? true : undefined}
                    {...register('imported_mcp_servers')}
                />
                <ErrorText error={errors.imported_mcp_servers} />
            </div>
            <div className="field">
                <label htmlFor="claude_model_access">Claude model access</label>
                <select id="claude_model_access" {...register('claude_model_access')}>
                    <option value="">Not set</option>
                    <option value="posthog-gateway">PostHog gateway</option>
                </select>
            </div>
            <Switch name="benjamin_enabled" label="Benjamin enabled" register={register} />
            <Switch name="rtk_enabled" label="RTK enabled" register={register} />
            <button type="submit">Start run</button>
            <p role="status">{status}</p>
        </form>
    )
}

const root = document.getElementById('root')
if (root) {
    createRoot(root).render(
        <StrictMode>
            <ReferenceForm />
        </StrictMode>
    )
}
