import { ApiError } from './ApiError.ts'

/** Test helper: the ApiError a call rejects with; anything else (or success) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
    try {
        await promise
    } catch (error) {
        if (error instanceof ApiError) return error
        throw error
    }
    throw new Error('expected the call to fail with an ApiError')
}
