/** A value outside React, read with useSyncExternalStore: readers re-render only when it is replaced. */
export interface Store<T> {
    getSnapshot: () => T
    subscribe: (listener: () => void) => () => void
    /** Replaces the value and tells the readers; the same value again tells no one. */
    set: (value: T) => void
}

export function createStore<T>(initial: T): Store<T> {
    let current = initial
    const listeners = new Set<() => void>()
    return {
        getSnapshot: () => current,
        subscribe: (listener) => {
            listeners.add(listener)
            return () => {
                listeners.delete(listener)
            }
        },
        set: (value) => {
            if (Object.is(value, current)) return
            current = value
            for (const listener of listeners) listener()
        },
    }
}
