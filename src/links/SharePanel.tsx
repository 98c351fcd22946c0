import { useId, useState, type ReactNode } from 'react'

import type { FieldModel, FormValues } from '../schema/fieldModel.ts'
import type { LinkTarget, ShareLink, ShareMode } from './prefillCodec.ts'
import { SHARE_LINK_WARNING_LENGTH } from './prefillCodec.ts'
import { useShareLink } from './useShareLink.ts'

interface SharePanelProps {
    model: FieldModel
    getValues: () => FormValues
    connection: LinkTarget
}

/** Builds a link that opens this form prefilled with the current values; secrets never go into it. */
export function SharePanel({ model, getValues, connection }: SharePanelProps): ReactNode {
    const id = useId()
    const { buildLink, copyLink } = useShareLink(model)
    const [mode, setMode] = useState<ShareMode>('query')
    const [locked, setLocked] = useState<readonly string[]>([])
    const [result, setResult] = useState<{ link: ShareLink; copied: boolean } | undefined>()
    const lockable = model.fields.filter((field) => !field.sensitive && field.kind !== 'constant')
    return (
        <>
            <p className="field-help">
                The link opens this form with the values you have now. Keys and tokens are never included.
            </p>
            <fieldset className="field field-set">
                <legend className="field-label">Put the values</legend>
                <div className="choices">
                    <label className="choice">
                        <input
                            type="radio"
                            name={`${id}-mode`}
                            checked={mode === 'query'}
                            onChange={() => {
                                setMode('query')
                            }}
                        />
                        In the query (?…)
                    </label>
                    <label className="choice">
                        <input
                            type="radio"
                            name={`${id}-mode`}
                            checked={mode === 'fragment'}
                            onChange={() => {
                                setMode('fragment')
                            }}
                        />
                        In the fragment (#…): never sent to servers or in Referer headers
                    </label>
                </div>
            </fieldset>
            <fieldset className="field field-set">
                <legend className="field-label">Lock fields (read-only for whoever opens the link)</legend>
                <div className="choices">
                    {lockable.map((field) => (
                        <label key={field.name} className="choice">
                            <input
                                type="checkbox"
                                checked={locked.includes(field.name)}
                                onChange={(event) => {
                                    setLocked(
                                        event.target.checked
                                            ? [...locked, field.name]
                                            : locked.filter((name) => name !== field.name)
                                    )
                                }}
                            />
                            <span className="visually-hidden">Lock </span>
                            {field.label}
                        </label>
                    ))}
                </div>
            </fieldset>
            <div className="submit-bar">
                <button
                    type="button"
                    className="button primary"
                    onClick={() => {
                        const link = buildLink(getValues(), connection, { mode, lock: locked })
                        setResult({ link, copied: false })
                        void copyLink(link).then((copied) => {
                            setResult({ link, copied })
                        })
                    }}
                >
                    Copy share link
                </button>
            </div>
            {result ? (
                <div className="field">
                    <label className="field-label" htmlFor={`${id}-link`}>
                        Share link
                    </label>
                    <input
                        id={`${id}-link`}
                        className="input mono"
                        readOnly
                        value={result.link.url}
                        onFocus={(event) => {
                            event.target.select()
                        }}
                    />
                    <p role="status" className="field-help">
                        {result.copied ? 'Copied to the clipboard. ' : 'Select the link and copy it. '}
                        {result.link.included.length > 0
                            ? `It sets: ${result.link.included.join(', ')}.`
                            : 'It sets nothing yet: every value is at its default.'}
                    </p>
                    {result.link.tooLong ? (
                        <p className="banner warning">
                            This link is {result.link.url.length} characters long. Links over{' '}
                            {SHARE_LINK_WARNING_LENGTH} characters can break in some browsers and chat tools; shorten
                            the message, or share it separately.
                        </p>
                    ) : null}
                </div>
            ) : null}
        </>
    )
}
