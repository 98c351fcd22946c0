import type { ReactNode } from 'react'

interface BannerProps {
    tone: 'error' | 'warning' | 'success' | 'info'
    title: string
    children?: ReactNode
    /** Errors interrupt (alert); everything else waits its turn (status). */
    live?: boolean
}

export function Banner({ tone, title, children, live = true }: BannerProps): ReactNode {
    const role = !live ? undefined : tone === 'error' ? 'alert' : 'status'
    return (
        <div className={`banner ${tone}`} role={role}>
            <p className="banner-title">{title}</p>
            {children}
        </div>
    )
}
