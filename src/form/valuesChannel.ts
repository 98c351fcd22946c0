import type { FormValues } from '../schema/fieldModel.ts'

/** The form's latest values for the few parts that need them live, without re-rendering the form's parent. */
export interface ValuesChannel extends ValuesSource {
    publish: (values: FormValues) => void
}

/** Read on change, never through a React render. */
export interface ValuesSource {
    subscribe: (listener: () => void) => () => void
    getSnapshot: () => FormValues
}

export function createValuesChannel(initial: FormValues): ValuesChannel {
    let current = initial
    const listeners = new Set<() => void>()
    return {
        publish: (values) => {
            current = { ...values }
            for (const listener of listeners) listener()
        },
        subscribe: (listener) => {
            listeners.add(listener)
            return () => {
                listeners.delete(listener)
            }
        },
        getSnapshot: () => current,
    }
}
