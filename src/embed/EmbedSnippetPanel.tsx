import { useId, useMemo, useState, type ReactNode } from 'react'

import { buildEmbedSnippet } from './buildEmbedSnippet.ts'
import { EMBED_THEMES, type EmbedTheme } from './parseEmbedParams.ts'
import { CopyButton } from '../form/CopyButton.tsx'
import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import { encodePrefill, RESERVED_PARAMS, type LinkTarget } from '../links/prefillCodec.ts'
import { checkHostOrigin } from './checkHostOrigin.ts'

interface EmbedSnippetPanelProps {
    model: FieldModel
    getValues: () => FormValues
    connection: LinkTarget
    /** The deployment's frame-ancestors allow-list from /launcher/config.json; undefined when unknown. */
    embedAllowedOrigins: readonly string[] | undefined
}

const THEME_LABELS: Record<EmbedTheme, string> = {
    auto: 'Follow the visitor’s system setting',
    light: 'Light',
    dark: 'Dark',
}

function currentAppUrl(): string {
    return `${window.location.origin}${window.location.pathname}`
}

/** Writes the iframe HTML and host listener that embed this form, prefilled with the current values, elsewhere. */
export function EmbedSnippetPanel({
    model,
    getValues,
    connection,
    embedAllowedOrigins,
}: EmbedSnippetPanelProps): ReactNode {
    const id = useId()
    const [originText, setOriginText] = useState('')
    const [theme, setTheme] = useState<EmbedTheme>('auto')
    // The values are captured when the user asks, like the share link; origin and theme apply live.
    const [prefill, setPrefill] = useState<URLSearchParams | undefined>()
    const [attempted, setAttempted] = useState(false)

    const check = checkHostOrigin(originText, embedAllowedOrigins)
    const originError =
        check.state === 'invalid'
            ? check.message
            : check.state === 'empty' && attempted
              ? 'Enter the origin of the page that will show the launcher, such as https://wiki.example.com.'
              : undefined
    const origin = check.state === 'valid' ? check.origin : undefined

    const snippet = useMemo(() => {
        if (!prefill || origin === undefined) return undefined
        const params = new URLSearchParams(prefill)
        if (theme !== 'auto') params.set('theme', theme)
        return buildEmbedSnippet({ appUrl: currentAppUrl(), params, parentOrigin: origin })
    }, [prefill, origin, theme])
    const included = prefill
        ? [...new Set(prefill.keys())].filter((name) => name !== RESERVED_PARAMS.version)
        : undefined

    const describedBy = [originError ? `${id}-origin-error` : undefined, `${id}-origin-help`]
        .filter((part) => part !== undefined)
        .join(' ')

    return (
        <>
            <p className="field-help">
                Put this launcher into a wiki, dashboard or runbook page, prefilled with the values you have now. Keys
                and tokens are never included: people using the embedded form enter their own key, unless this
                deployment holds one.
            </p>
            <div className="field">
                <label className="field-label" htmlFor={`${id}-origin`}>
                    Host page origin
                </label>
                <input
                    id={`${id}-origin`}
                    className="input mono"
                    type="url"
                    inputMode="url"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="https://wiki.example.com"
                    value={originText}
                    aria-invalid={originError !== undefined}
                    aria-describedby={describedBy}
                    onChange={(event) => {
                        setOriginText(event.target.value)
                    }}
                />
                {originError ? (
                    <p id={`${id}-origin-error`} className="field-error" role="alert">
                        {originError}
                    </p>
                ) : null}
                <p id={`${id}-origin-help`} className="field-help">
                    The scheme, host and port of the page that will show the launcher. The launcher talks to that origin
                    only, and browsers show the frame only if this deployment lists the origin in its{' '}
                    <code>EMBED_ALLOWED_ORIGINS</code> setting.
                </p>
                {check.state === 'valid' && check.allowed === false ? (
                    <div className="banner warning" role="status">
                        <p className="banner-title">This deployment does not allow {check.origin} to embed it</p>
                        <p>
                            Browsers will refuse to show the frame there. Ask whoever runs this launcher to add{' '}
                            <code>{check.origin}</code> to <code>EMBED_ALLOWED_ORIGINS</code>.{' '}
                            {embedAllowedOrigins && embedAllowedOrigins.length > 0
                                ? `Allowed now: ${embedAllowedOrigins.join(', ')}.`
                                : 'No other site may embed it yet.'}
                        </p>
                    </div>
                ) : null}
            </div>
            <div className="field">
                <label className="field-label" htmlFor={`${id}-theme`}>
                    Theme
                </label>
                <select
                    id={`${id}-theme`}
                    className="input"
                    value={theme}
                    onChange={(event) => {
                        const chosen = EMBED_THEMES.find((entry) => entry === event.target.value)
                        if (chosen) setTheme(chosen)
                    }}
                >
                    {EMBED_THEMES.map((entry) => (
                        <option key={entry} value={entry}>
                            {THEME_LABELS[entry]}
                        </option>
                    ))}
                </select>
            </div>
            <div className="submit-bar">
                <button
                    type="button"
                    className="button primary"
                    onClick={() => {
                        setAttempted(true)
                        setPrefill(encodePrefill(model, getValues(), connection))
                    }}
                >
                    {prefill ? 'Update with the current values' : 'Create the snippet'}
                </button>
                {included && snippet ? (
                    <p role="status" className="field-help">
                        {included.length > 0
                            ? `The embedded form starts with: ${included.join(', ')}.`
                            : 'The embedded form starts empty: every value is at its default.'}
                    </p>
                ) : null}
            </div>
            {snippet ? (
                <div className="snippet">
                    <div className="preview-heading">
                        <h3 id={`${id}-iframe-title`}>1. The frame, where the launcher should appear</h3>
                        <CopyButton text={snippet.iframeHtml} label="Copy iframe HTML" />
                    </div>
                    <pre className="code" tabIndex={0} aria-labelledby={`${id}-iframe-title`}>
                        {snippet.iframeHtml}
                    </pre>
                    <div className="preview-heading">
                        <h3 id={`${id}-script-title`}>2. The listener, right after the frame</h3>
                        <CopyButton text={snippet.listenerScript} label="Copy listener script" />
                    </div>
                    <pre className="code" tabIndex={0} aria-labelledby={`${id}-script-title`}>
                        {snippet.listenerScript}
                    </pre>
                    <p className="field-help">
                        The listener sizes the frame to its content and logs runs as they start. If your page sets a
                        Content-Security-Policy, allow this launcher’s origin in <code>frame-src</code> and move the
                        script into a file. The messages are described in the embed protocol guide
                        (docs/embed-protocol.md).
                    </p>
                </div>
            ) : null}
        </>
    )
}
