const STATUS_LABELS: ReadonlyMap<string, string> = new Map([
    ['not_started', 'Not started'],
    ['queued', 'Queued'],
    ['in_progress', 'In progress'],
    ['completed', 'Completed'],
    ['failed', 'Failed'],
    ['cancelled', 'Cancelled'],
])

/** What a run status reads as for people. */
export function statusLabel(status: string | undefined): string {
    return status === undefined ? 'Unknown' : (STATUS_LABELS.get(status) ?? status)
}
