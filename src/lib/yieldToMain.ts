interface PostTaskScheduler {
    yield: () => Promise<void>
}

/** Lets the browser handle input and paint before the caller goes on: between slices of a long piece of work. */
export function yieldToMain(): Promise<void> {
    // scheduler.yield() resumes ahead of other queued tasks; where it is missing, a new task stands in.
    const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler
    if (typeof scheduler?.yield === 'function') return scheduler.yield()
    return new Promise((resolve) => {
        setTimeout(resolve, 0)
    })
}

/** Calls `pause` whenever `budgetMs` of work has passed since the last pause: `await slice()` inside a loop. */
export function createTimeSlicer(
    budgetMs: number,
    pause: () => Promise<void> = yieldToMain,
    now = () => performance.now()
) {
    let since = now()
    return async (): Promise<void> => {
        if (now() - since < budgetMs) return
        await pause()
        since = now()
    }
}
