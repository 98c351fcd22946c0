import { Suspense, useState, type ReactNode } from 'react'

interface DisclosureProps {
    title: string
    className: string
    /** Rendered only while open: a closed panel costs no components, memory or code. */
    children: () => ReactNode
}

/** A panel folded behind its title, whose contents exist only while it is open. */
export function Disclosure({ title, className, children }: DisclosureProps): ReactNode {
    const [open, setOpen] = useState(false)
    return (
        <details
            className={className}
            onToggle={(event) => {
                setOpen(event.currentTarget.open)
            }}
        >
            <summary>
                <h2>{title}</h2>
            </summary>
            {open ? <Suspense fallback={<p className="field-help">Loading…</p>}>{children()}</Suspense> : null}
        </details>
    )
}
