import { createContext, useContext } from 'react'
import type {
    Control,
    UseFormClearErrors,
    UseFormGetFieldState,
    UseFormGetValues,
    UseFormRegister,
    UseFormSetError,
    UseFormSetValue,
    UseFormSubscribe,
} from 'react-hook-form'

import type { FormValues, RunRequestBody } from '../schema/fieldModel.ts'

/**
 * What the field components need from react-hook-form. Every member is stable for the form's life, so when the form
 * re-renders (react-hook-form's own state, the app's props) the fields do not; they follow their own subscriptions.
 */
export interface RunFormContextValue {
    control: Control<FormValues, unknown, RunRequestBody>
    register: UseFormRegister<FormValues>
    getValues: UseFormGetValues<FormValues>
    subscribe: UseFormSubscribe<FormValues>
    setValue: UseFormSetValue<FormValues>
    // A list's errors sit at row indexes, so moving or removing a row moves them too.
    getFieldState: UseFormGetFieldState<FormValues>
    setError: UseFormSetError<FormValues>
    clearErrors: UseFormClearErrors<FormValues>
}

export const RunFormContext = createContext<RunFormContextValue | null>(null)

export function useRunFormContext(): RunFormContextValue {
    const value = useContext(RunFormContext)
    if (!value) throw new Error('Field components render inside RunForm.')
    return value
}
