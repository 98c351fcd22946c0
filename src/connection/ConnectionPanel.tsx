import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

import { EU_CLOUD, US_CLOUD } from '../api/postHogHosts.ts'
import type { HostChoice } from './connectionSettings.ts'
import type { KeyPersistence } from './keyStore.ts'
import type { Connection } from './useConnection.ts'

const HOST_CHOICES: readonly { value: HostChoice; label: string; detail: string }[] = [
    { value: 'us', label: 'US Cloud', detail: US_CLOUD },
    { value: 'eu', label: 'EU Cloud', detail: EU_CLOUD },
    { value: 'custom', label: 'Self-hosted', detail: 'your own address' },
]

const PERSISTENCE_CHOICES: readonly { value: KeyPersistence; label: string }[] = [
    { value: 'memory', label: 'Only while this page is open' },
    { value: 'session', label: 'Remember in this tab' },
    { value: 'local', label: 'Remember on this device' },
]

function InputError({ id, message }: { id: string; message: string | undefined }): ReactNode {
    return message ? (
        <p id={id} className="field-error" role="alert">
            {message}
        </p>
    ) : null
}

function ConnectionStatusLine({ connection }: { connection: Connection }): ReactNode {
    const { status } = connection
    if (status.state === 'checking') {
        return (
            <p role="status" className="connection-status">
                Checking the connection…
            </p>
        )
    }
    if (status.state === 'failed') {
        return (
            <div role="alert" className="banner error">
                <p className="banner-title">Could not connect</p>
                <p>{status.error.message}</p>
            </div>
        )
    }
    if (status.state === 'connected') {
        const { info } = status
        const who = info.userName ? `${info.userName}${info.email ? ` (${info.email})` : ''}` : undefined
        const project = info.projectName ?? `project ${connection.client?.projectId ?? ''}`
        // A key that cannot start runs connects, but the user should not mistake that for "ready".
        const tone = info.canWrite === false ? 'warning' : 'success'
        // The host is named in full: a link may have chosen it, and the user must see where the key went.
        const where = connection.serverHeldKey || !connection.client ? '' : ` on ${connection.client.host}`
        return (
            <div role="status" className={`banner ${tone}`}>
                <p className="banner-title">
                    Connected to {project}
                    {where}
                    {who ? ` as ${who}` : ''}.
                </p>
                {info.canWrite === false ? (
                    <p>
                        This key can read tasks but not start runs: add the <code>task:write</code> scope to it in
                        PostHog (Settings → Personal API keys).
                    </p>
                ) : null}
                {!who && !connection.serverHeldKey ? (
                    <p>The key has no user:read scope, so PostHog did not say whose it is. That is fine.</p>
                ) : null}
            </div>
        )
    }
    return null
}

function KeyPersistenceField({ connection }: { connection: Connection }): ReactNode {
    const id = useId()
    return (
        <div className="field">
            <label className="field-label" htmlFor={`${id}-persistence`}>
                Keep the key
            </label>
            <select
                id={`${id}-persistence`}
                className="input"
                value={connection.persistence}
                aria-describedby={connection.persistence === 'local' ? `${id}-persistence-warning` : undefined}
                onChange={(event) => {
                    const choice = PERSISTENCE_CHOICES.find((entry) => entry.value === event.target.value)
                    if (choice) connection.setPersistence(choice.value)
                }}
            >
                {PERSISTENCE_CHOICES.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                        {choice.label}
                    </option>
                ))}
            </select>
            {connection.persistence === 'local' ? (
                <p id={`${id}-persistence-warning`} className="banner warning">
                    Anyone who uses this browser profile can read a key remembered on this device. Use “Forget key” when
                    you are done on a shared computer.
                </p>
            ) : null}
        </div>
    )
}

function HostNotice({ connection, embedded }: { connection: Connection; embedded: boolean }): ReactNode {
    const notice = connection.hostNotice
    if (!notice || connection.status.state === 'connected') return null
    const source = embedded ? 'The address of this embedded launcher' : 'This link'
    if (notice.kind === 'refused') {
        return (
            <div role="alert" className="banner error">
                <p className="banner-title">
                    {source} names a PostHog this launcher does not connect to: {notice.host}
                </p>
                <p>{notice.message}</p>
            </div>
        )
    }
    return (
        <div role="status" className="banner warning">
            <p className="banner-title">
                {source} is for another PostHog: {notice.host}
            </p>
            <p>
                Your remembered key belongs to {notice.rememberedHost}, so it was not sent to {notice.host}. To connect
                there, enter a personal API key for {notice.host} and choose “Check connection”; if you remember it, it
                replaces the key for {notice.rememberedHost}.
            </p>
            {connection.keepRememberedHost ? (
                <div className="submit-bar">
                    <button type="button" className="button secondary small" onClick={connection.keepRememberedHost}>
                        Stay on {notice.rememberedHost}
                    </button>
                </div>
            ) : null}
        </div>
    )
}

interface ConnectionPanelProps {
    connection: Connection
    /** Inside another site's iframe, where the browser keeps this app's storage apart from the full site. */
    embedded?: boolean
    /** Move focus into the panel when it appears (the user just asked to connect). */
    autoFocus?: boolean
}

/** Host, project and personal API key, with where the key is kept and a check that proves it works. */
export function ConnectionPanel({ connection, embedded = false, autoFocus = false }: ConnectionPanelProps): ReactNode {
    const id = useId()
    const panel = useRef<HTMLElement>(null)
    useEffect(() => {
        if (autoFocus) panel.current?.querySelector<HTMLElement>('input:checked, input, button')?.focus()
    }, [autoFocus])
    const [revealed, setRevealed] = useState(false)
    const [editing, setEditing] = useState(false)
    const { settings, status } = connection
    const problems = status.state === 'invalid' ? status.problems : {}
    if (connection.serverHeldKey) {
        return (
            <section className="panel" aria-labelledby={`${id}-title`} ref={panel}>
                <h2 id={`${id}-title`}>PostHog connection</h2>
                <p className="field-help">
                    This launcher starts runs in project {connection.serverHeldKey.projectId} on{' '}
                    {connection.serverHeldKey.postHogHost} with a key held by its server. You do not need a key.
                </p>
                <ConnectionStatusLine connection={connection} />
            </section>
        )
    }
    if (status.state === 'connected' && !editing) {
        // Once connected the inputs step aside; the form is what the user came for.
        return (
            <section className="panel" aria-labelledby={`${id}-title`} ref={panel}>
                <h2 id={`${id}-title`}>PostHog connection</h2>
                <ConnectionStatusLine connection={connection} />
                <div className="row connection-summary">
                    <KeyPersistenceField connection={connection} />
                    <div className="submit-bar">
                        <button
                            type="button"
                            className="button secondary"
                            onClick={() => {
                                setEditing(true)
                            }}
                        >
                            Change connection
                        </button>
                        <button type="button" className="button secondary" onClick={connection.forget}>
                            Forget key
                        </button>
                    </div>
                </div>
            </section>
        )
    }
    return (
        <section className="panel" aria-labelledby={`${id}-title`} ref={panel}>
            <h2 id={`${id}-title`}>PostHog connection</h2>
            <HostNotice connection={connection} embedded={embedded} />
            {embedded ? (
                <p className="field-help">
                    This launcher is shown inside another site, so your browser keeps its storage apart: a key saved on
                    the launcher’s own site is not available here. Enter a key below; if you choose to remember it, it
                    is remembered for this site only.
                </p>
            ) : null}
            <form
                className="connection-form"
                noValidate
                aria-label="PostHog connection"
                onSubmit={(event) => {
                    event.preventDefault()
                    setEditing(false)
                    connection.check()
                }}
            >
                <fieldset className="field field-set">
                    <legend className="field-label">PostHog instance</legend>
                    <div className="choices">
                        {HOST_CHOICES.map((choice) => (
                            <label key={choice.value} className="choice">
                                <input
                                    type="radio"
                                    name={`${id}-host`}
                                    value={choice.value}
                                    checked={settings.hostChoice === choice.value}
                                    onChange={() => {
                                        connection.setSettings({ ...settings, hostChoice: choice.value })
                                    }}
                                />
                                {choice.label}
                                <span className="choice-detail">{choice.detail}</span>
                            </label>
                        ))}
                    </div>
                </fieldset>
                <div className="row">
                    {settings.hostChoice === 'custom' ? (
                        <div className="field">
                            <label className="field-label" htmlFor={`${id}-custom`}>
                                PostHog address
                            </label>
                            <input
                                id={`${id}-custom`}
                                className="input"
                                type="url"
                                inputMode="url"
                                placeholder="https://posthog.example.com"
                                value={settings.customHost}
                                aria-invalid={problems.host !== undefined}
                                aria-describedby={problems.host ? `${id}-custom-error` : undefined}
                                onChange={(event) => {
                                    connection.setSettings({ ...settings, customHost: event.target.value })
                                }}
                            />
                            <InputError id={`${id}-custom-error`} message={problems.host} />
                        </div>
                    ) : null}
                    <div className="field">
                        <label className="field-label" htmlFor={`${id}-project`}>
                            Project ID
                        </label>
                        <input
                            id={`${id}-project`}
                            className="input"
                            inputMode="numeric"
                            autoComplete="off"
                            value={settings.projectId}
                            aria-invalid={problems.projectId !== undefined}
                            aria-describedby={`${problems.projectId ? `${id}-project-error ` : ''}${id}-project-help`}
                            onChange={(event) => {
                                connection.setSettings({ ...settings, projectId: event.target.value })
                            }}
                        />
                        <InputError id={`${id}-project-error`} message={problems.projectId} />
                        <p id={`${id}-project-help`} className="field-help">
                            The number after /project/ in PostHog’s address bar.
                        </p>
                    </div>
                </div>
                <div className="field">
                    <label className="field-label" htmlFor={`${id}-key`}>
                        Personal API key
                    </label>
                    <div className="secret">
                        <input
                            id={`${id}-key`}
                            className="input mono"
                            type={revealed ? 'text' : 'password'}
                            autoComplete="off"
                            spellCheck={false}
                            data-sensitive="true"
                            value={connection.apiKey}
                            aria-invalid={problems.apiKey !== undefined}
                            aria-describedby={`${problems.apiKey ? `${id}-key-error ` : ''}${id}-key-help`}
                            onChange={(event) => {
                                connection.setApiKey(event.target.value)
                            }}
                        />
                        <button
                            type="button"
                            className="button secondary"
                            aria-pressed={revealed}
                            aria-controls={`${id}-key`}
                            onClick={() => {
                                setRevealed(!revealed)
                            }}
                        >
                            {revealed ? 'Hide' : 'Show'}
                            <span className="visually-hidden"> personal API key</span>
                        </button>
                    </div>
                    <InputError id={`${id}-key-error`} message={problems.apiKey} />
                    <p id={`${id}-key-help`} className="field-help">
                        Create one in PostHog under Settings → Personal API keys with the <code>task:read</code> and{' '}
                        <code>task:write</code> scopes, limited to this project. It is sent only to PostHog.
                    </p>
                </div>
                <KeyPersistenceField connection={connection} />
                <div className="submit-bar">
                    <button type="submit" className="button primary" disabled={status.state === 'checking'}>
                        Check connection
                    </button>
                    <button type="button" className="button secondary" onClick={connection.forget}>
                        Forget key
                    </button>
                </div>
            </form>
            <ConnectionStatusLine connection={connection} />
        </section>
    )
}
