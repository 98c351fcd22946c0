/**
 * Signals the page probe sends, each answering one wait: a typing session numbers its keys from 0 again, so a signal
 * kept from an earlier session must not let the next session's key go before its own frame was painted.
 */
export class SignalQueue {
    private readonly pending = new Map<string, number>()
    private readonly waiters = new Map<string, (() => void)[]>()

    deliver(payload: string): void {
        const waiting = this.waiters.get(payload)
        const waiter = waiting?.shift()
        if (waiter) {
            if (waiting?.length === 0) this.waiters.delete(payload)
            waiter()
            return
        }
        this.pending.set(payload, (this.pending.get(payload) ?? 0) + 1)
    }

    next(payload: string): Promise<void> {
        const count = this.pending.get(payload) ?? 0
        if (count > 0) {
            if (count === 1) this.pending.delete(payload)
            else this.pending.set(payload, count - 1)
            return Promise.resolve()
        }
        return new Promise((resolve) => {
            this.waiters.set(payload, [...(this.waiters.get(payload) ?? []), resolve])
        })
    }
}
