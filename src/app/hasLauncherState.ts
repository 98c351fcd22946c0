// Every key this app stores starts with this prefix (key store, connection settings, drafts, run history).
const STORAGE_PREFIX = 'run-launcher:'

function hasPrefixedKey(storage: () => Storage): boolean {
    try {
        const store = storage()
        for (let index = 0; index < store.length; index++) {
            if (store.key(index)?.startsWith(STORAGE_PREFIX)) return true
        }
        return false
    } catch {
        // Storage blocked (sandboxed or partitioned frame): nothing was kept here.
        return false
    }
}

/** Whether this browser has used the launcher before, so its panels should load without being asked. */
export function hasLauncherState(): boolean {
    return hasPrefixedKey(() => window.localStorage) || hasPrefixedKey(() => window.sessionStorage)
}
