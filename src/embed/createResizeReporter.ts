export interface ResizeReporterOptions {
    /** The content's height in CSS pixels (the content wrapper, never the viewport). */
    measure: () => number
    send: (height: number) => void
    /** requestAnimationFrame, or a fake in tests; it must call back later, never synchronously. */
    scheduleFrame: (callback: () => void) => number
    cancelFrame: (handle: number) => void
    /** A millisecond clock, e.g. performance.now. */
    now: () => number
    /** Alternations between the same two heights tolerated within flipWindowMs before the smaller is dropped. */
    maxFlips?: number
    flipWindowMs?: number
}

export interface ResizeReporter {
    /** Asks for a measurement on the next frame; many requests in one frame measure once. */
    request(): void
    dispose(): void
}

const DEFAULT_MAX_FLIPS = 4
const DEFAULT_FLIP_WINDOW_MS = 1_000

/** Reports content height changes of at least 1px, once per frame, and stops an A-B-A-B resize loop. */
export function createResizeReporter(options: ResizeReporterOptions): ResizeReporter {
    const maxFlips = options.maxFlips ?? DEFAULT_MAX_FLIPS
    const flipWindowMs = options.flipWindowMs ?? DEFAULT_FLIP_WINDOW_MS
    let frame: number | undefined
    let disposed = false
    let lastSent: number | undefined
    let previousSent: number | undefined
    let flips: number[] = []
    // The smaller height of a detected loop: reporting it again would restart the loop.
    let suppressed: number | undefined

    const report = (): void => {
        frame = undefined
        if (disposed) return
        const measured = options.measure()
        if (!Number.isFinite(measured) || measured < 0) return
        // Rounding up: a fractional remainder left out would show a scrollbar.
        const height = Math.ceil(measured)
        if (height === lastSent || height === suppressed) return
        if (height === previousSent) {
            const at = options.now()
            flips = [...flips.filter((flip) => at - flip <= flipWindowMs), at]
            if (flips.length > maxFlips && lastSent !== undefined) {
                suppressed = Math.min(height, lastSent)
                flips = []
                if (height === suppressed) return
            }
        } else {
            // A third height is a real content change, not the loop.
            flips = []
            suppressed = undefined
        }
        previousSent = lastSent
        lastSent = height
        options.send(height)
    }

    return {
        request: () => {
            if (disposed || frame !== undefined) return
            frame = options.scheduleFrame(report)
        },
        dispose: () => {
            disposed = true
            if (frame !== undefined) options.cancelFrame(frame)
            frame = undefined
        },
    }
}
