import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react'

import { ActivityRow } from './ActivityRow.tsx'
import type { ActivityItem } from './createActivityLog.ts'

interface ActivityListProps {
    items: readonly ActivityItem[]
    label: string
}

// Within this many pixels of the end counts as at the end (rounding, late measurements).
const END_SLACK_PX = 48

/** The activity, rendering only the rows on screen; follows new rows until the user scrolls up. */
export function ActivityList({ items, label }: ActivityListProps): ReactNode {
    const scroller = useRef<HTMLDivElement>(null)
    const lastTop = useRef(0)
    const [following, setFollowing] = useState(true)
    const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set())
    // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render by design
    const virtualizer = useVirtualizer({
        count: items.length,
        getScrollElement: () => scroller.current,
        estimateSize: () => 44,
        overscan: 8,
        getItemKey: (index) => items[index]?.key ?? index,
    })

    useLayoutEffect(() => {
        if (following && items.length > 0) virtualizer.scrollToIndex(items.length - 1, { align: 'end' })
    }, [following, items, virtualizer])

    const onScroll = () => {
        const element = scroller.current
        if (!element) return
        const top = element.scrollTop
        const atEnd = element.scrollHeight - top - element.clientHeight <= END_SLACK_PX
        // Only a move up is the user's: the list's own scrolls go down.
        if (atEnd) setFollowing(true)
        else if (top < lastTop.current - 2) setFollowing(false)
        lastTop.current = top
    }

    const onToggle = useCallback((key: string, isOpen: boolean) => {
        setOpen((previous) => {
            if (previous.has(key) === isOpen) return previous
            const next = new Set(previous)
            if (isOpen) next.add(key)
            else next.delete(key)
            return next
        })
    }, [])

    return (
        <div className="activity-frame">
            <div
                ref={scroller}
                className="activity-scroller"
                role="log"
                aria-label={label}
                tabIndex={0}
                onScroll={onScroll}
            >
                {items.length === 0 ? <p className="field-help activity-empty">No activity yet.</p> : null}
                <div className="activity-canvas" style={{ height: virtualizer.getTotalSize() }}>
                    {virtualizer.getVirtualItems().map((row) => {
                        const item = items[row.index]
                        if (item === undefined) return null
                        return (
                            <div
                                key={row.key}
                                data-index={row.index}
                                ref={virtualizer.measureElement}
                                className="activity-row"
                                style={{ transform: `translateY(${row.start}px)` }}
                            >
                                <ActivityRow item={item} open={open.has(item.key)} onToggle={onToggle} />
                            </div>
                        )
                    })}
                </div>
            </div>
            {following || items.length === 0 ? null : (
                <button
                    type="button"
                    className="button secondary activity-jump"
                    onClick={() => {
                        setFollowing(true)
                    }}
                >
                    Jump to latest
                </button>
            )}
        </div>
    )
}
