import { useCallback, useEffect, useEffectEvent, useMemo, useRef } from 'react'
import type { RefObject } from 'react'

import { checkChannelTarget, createEmbedChannel } from './createEmbedChannel.ts'
import type { EmbedChannel, EmbedWindow } from './createEmbedChannel.ts'
import { createResizeReporter } from './createResizeReporter.ts'
import { buildReadyMessage, buildResizeMessage } from './embedMessages.ts'
import type { InboundMessage, OutboundMessage } from './embedMessages.ts'
import type { EmbedParams } from './parseEmbedParams.ts'
import { resolveParentOrigin } from './resolveParentOrigin.ts'

export interface UseEmbedChannelOptions {
    params: EmbedParams
    /** The element wrapping all content; its height is reported, so the host's resizing cannot feed back. */
    contentRef: RefObject<HTMLElement | null>
    /** Raw values from the host: decode them exactly like a URL prefill. */
    onSetValues: (values: Record<string, unknown>) => void
    onSubmit: () => void
    getSecrets?: () => readonly string[]
    /** Tests pass a fake window and referrer; they default to the real ones. */
    embedWindow?: EmbedWindow
    referrer?: string
}

export interface EmbedChannelState {
    active: boolean
    inactiveReason: string | undefined
    /** Sends to the host when active; a no-op otherwise. */
    send: (message: OutboundMessage) => void
}

function contentHeight(element: HTMLElement): number {
    // From the top of the document, so padding or margin above the wrapper is counted too.
    const top = element.ownerDocument.documentElement.getBoundingClientRect().top
    return element.getBoundingClientRect().bottom - top
}

/** Connects the embedded app to its host: `ready` on mount, `resize` on content changes, host messages out. */
export function useEmbedChannel(options: UseEmbedChannelOptions): EmbedChannelState {
    const { contentRef } = options
    const embedWindow = options.embedWindow ?? window
    const referrer = options.referrer ?? document.referrer
    const { embedded, parentOrigin, parentOriginGiven } = options.params

    const target = useMemo(() => {
        if (!embedded) return { active: false, reason: 'Embed mode is off.' } as const
        const origin = resolveParentOrigin({ parentOrigin, parentOriginGiven }, referrer)
        if (!origin.ok) return { active: false, reason: origin.reason } as const
        return checkChannelTarget(embedWindow, origin.origin)
    }, [embedded, parentOrigin, parentOriginGiven, referrer, embedWindow])

    const channelRef = useRef<EmbedChannel | undefined>(undefined)
    const dispatch = useEffectEvent((message: InboundMessage) => {
        if (message.type === 'set-values') options.onSetValues(message.values)
        else options.onSubmit()
    })
    const readSecrets = useEffectEvent(() => options.getSecrets?.() ?? [])

    useEffect(() => {
        if (!target.active) return undefined
        const channel = createEmbedChannel({
            window: embedWindow,
            parentOrigin: target.origin,
            onMessage: (message) => {
                dispatch(message)
            },
            getSecrets: () => readSecrets(),
        })
        channelRef.current = channel
        channel.send(buildReadyMessage())

        const element = contentRef.current
        const reporter = element
            ? createResizeReporter({
                  measure: () => contentHeight(element),
                  send: (height) => {
                      channel.send(buildResizeMessage(height))
                  },
                  scheduleFrame: (callback) => requestAnimationFrame(callback),
                  cancelFrame: (handle) => {
                      cancelAnimationFrame(handle)
                  },
                  now: () => performance.now(),
              })
            : undefined
        const observer =
            element && reporter && typeof ResizeObserver === 'function'
                ? new ResizeObserver(() => {
                      reporter.request()
                  })
                : undefined
        if (element) observer?.observe(element)
        reporter?.request()

        return () => {
            observer?.disconnect()
            reporter?.dispose()
            channel.dispose()
            channelRef.current = undefined
        }
    }, [target, embedWindow, contentRef])

    const send = useCallback((message: OutboundMessage) => {
        channelRef.current?.send(message)
    }, [])

    return { active: target.active, inactiveReason: target.active ? undefined : target.reason, send }
}
