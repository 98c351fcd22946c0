/** Every key this app keeps in localStorage or sessionStorage starts with this. */
export const STORAGE_PREFIX = 'run-launcher:'

/** The storage key for `name` (for example 'connection:v1'). */
export function storageKey(name: string): string {
    return `${STORAGE_PREFIX}${name}`
}
