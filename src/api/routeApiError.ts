import type { ApiError } from './ApiError.ts'

export interface RoutedApiError {
    /** Field name → message, for the form's serverErrors (a Map, so any name is safe). */
    fieldErrors: ReadonlyMap<string, string>
    /** The message for the banner when no field can hold it. */
    banner: string | undefined
}

/** Sends a field error to its field and everything else (auth, scope, limits, server) to the banner. */
export function routeApiError(error: ApiError): RoutedApiError {
    const { info } = error
    if (info.kind === 'validation' && info.field !== undefined) {
        return { fieldErrors: new Map([[info.field, error.message]]), banner: undefined }
    }
    return { fieldErrors: new Map(), banner: error.message }
}
