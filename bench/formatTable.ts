// Plain-text renderings for the console and the README: a Markdown table padded to line up in a terminal.

export function formatBytes(bytes: number): string {
    if (!Number.isFinite(bytes)) return '–'
    if (bytes < 1024) return `${Math.round(bytes)} B`
    return `${(bytes / 1024).toFixed(1)} KB`
}

export function formatMs(ms: number): string {
    if (!Number.isFinite(ms)) return '–'
    return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`
}

/** Event Timing reports nothing under its 16 ms floor, so smaller values only mean "under 16 ms". */
export function formatEventTimingMs(ms: number): string {
    if (!Number.isFinite(ms)) return '–'
    return ms < 16 ? '<16 ms' : formatMs(ms)
}

export function formatRatio(ratio: number): string {
    if (Number.isNaN(ratio)) return '–'
    if (ratio === Number.POSITIVE_INFINITY) return '∞'
    return `${ratio.toFixed(2)}×`
}

export function formatMegabytes(bytes: number): string {
    if (!Number.isFinite(bytes)) return '–'
    return `${(bytes / (1024 * 1024)).toFixed(2)} MB`
}

/** A Markdown table whose columns are padded to the widest cell. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
    const widths = header.map((title, column) =>
        Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? '')))
    )
    const line = (cells: readonly string[]): string =>
        `| ${widths.map((width, column) => pad(cells[column] ?? '', width)).join(' | ')} |`
    const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`
    return [line(header), rule, ...rows.map(line)].join('\n')
}

const segmenter = new Intl.Segmenter()

// count characters, not UTF-16 units, so "×" and "–" do not shift the columns
function displayWidth(text: string): number {
    return Array.from(segmenter.segment(text)).length
}

function pad(text: string, width: number): string {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}
