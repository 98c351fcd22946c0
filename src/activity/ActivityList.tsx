import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react'

import { ActivityRow } from './ActivityRow.tsx'
import type { ActivityItem } from './createActivityLog.ts'

interface ActivityListProps {
    items: readonly ActivityItem[]
    label: string
}

// Within this many pixels of the end counts as at the end (rounding, late measurements).
const END_SLACK_PX = 48

/**
 * The activity, rendering only the rows on screen; the virtualizer keeps it at the newest row while the reader is
 * there, and leaves it alone once they scroll up ("Jump to latest" goes back).
 */
export const ActivityList = memo(function ActivityList({ items, label }: ActivityListProps): ReactNode {
    const scroller = useRef<HTMLDivElement>(null)
    const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set())
    const getItemKey = useCallback((index: number) => items[index]?.key ?? index, [items])
    const virtualizer = useVirtualizer({
        count: items.length,
        getScrollElement: () => scroller.current,
        estimateSize: () => 44,
        overscan: 8,
        getItemKey,
        anchorTo: 'end',
        followOnAppend: true,
        scrollEndThreshold: END_SLACK_PX,
        // A scroll need not render synchronously: typing elsewhere on the page comes first.
        useFlushSync: false,
    })

    useLayoutEffect(() => {
        virtualizer.scrollToEnd()
    }, [virtualizer])

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
            <div ref={scroller} className="activity-scroller" role="log" aria-label={label} tabIndex={0}>
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
            {items.length === 0 || virtualizer.isAtEnd() ? null : (
                <button
                    type="button"
                    className="button secondary activity-jump"
                    onClick={() => {
                        virtualizer.scrollToEnd()
                    }}
                >
                    Jump to latest
                </button>
            )}
        </div>
    )
})
