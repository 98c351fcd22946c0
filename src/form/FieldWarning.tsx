import { useCallback, useSyncExternalStore, type ReactNode } from 'react'

import { fieldWarning } from '../schema/fieldWarning.ts'
import { useRunFormContext } from './runFormContext.ts'

/** A non-blocking hint under a field; it re-renders only when the hint appears or goes, not on each keystroke. */
export function FieldWarning({ name }: { name: string }): ReactNode {
    const { subscribe, getValues } = useRunFormContext()
    const subscribeToValues = useCallback(
        (listener: () => void) => subscribe({ formState: { values: true }, callback: listener }),
        [subscribe]
    )
    const warning = useSyncExternalStore(subscribeToValues, () => fieldWarning(name, getValues()))
    return warning ? (
        <p className="field-warning" role="status">
            {warning}
        </p>
    ) : null
}
