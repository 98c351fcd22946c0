/** Rejects with "Timed out after … ms: <what>" unless `promise` settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
            reject(new Error(`Timed out after ${ms} ms: ${what}`))
        }, ms)
    })
    return Promise.race([promise, timeout]).finally(() => {
        clearTimeout(timer)
    })
}

/**
 * Resolves once `busy()` has stayed false for quietMs; `listeners` is the set the caller calls on every change of it.
 * Rejects after timeoutMs: a page that never stops loading.
 */
export function whenQuiet(
    listeners: Set<() => void>,
    busy: () => boolean,
    quietMs: number,
    timeoutMs: number
): Promise<void> {
    return withTimeout(
        new Promise<void>((resolve) => {
            let timer: NodeJS.Timeout | undefined
            const check = (): void => {
                clearTimeout(timer)
                if (busy()) return
                timer = setTimeout(() => {
                    listeners.delete(check)
                    resolve()
                }, quietMs)
            }
            listeners.add(check)
            check()
        }),
        timeoutMs,
        'the page never stopped loading'
    )
}

/** Runs `measure`, and once more if it throws (a timeout on a busy machine), saying why in the log. */
export async function retryOnce<T>(what: string, measure: () => Promise<T>): Promise<T> {
    try {
        return await measure()
    } catch (error) {
        console.log(`  ${what} failed, trying once more: ${error instanceof Error ? error.message : String(error)}`)
        return measure()
    }
}
