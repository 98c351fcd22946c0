const KIB = 1024
const MIB = 1024 * 1024

function trim(value: number): string {
    return value.toFixed(1).replace(/\.0$/, '')
}

/** "512 bytes", "2.5 KB", "10 MB": binary units with the labels PostHog uses in its limit messages. */
export function formatBytes(bytes: number): string {
    if (bytes < KIB) return bytes === 1 ? '1 byte' : `${bytes} bytes`
    if (bytes < MIB) return `${trim(bytes / KIB)} KB`
    return `${trim(bytes / MIB)} MB`
}
