// drf-spectacular appends one "* `value` - label" line per choice to enum descriptions.
const ENUM_LINE = /^\s*\*\s+`([^`]*)`\s+-\s+(.*?)\s*$/

export interface EnumLine {
    value: string
    label: string
}

export function parseEnumLines(description: string): EnumLine[] {
    const lines: EnumLine[] = []
    for (const line of description.split('\n')) {
        const match = ENUM_LINE.exec(line)
        if (match?.[1] !== undefined && match[2] !== undefined) {
            lines.push({ value: match[1], label: match[2] })
        }
    }
    return lines
}

/** The description without its enum lines: the prose a person reads as help. */
export function stripEnumLines(description: string): string {
    return description
        .split('\n')
        .filter((line) => !ENUM_LINE.test(line))
        .join('\n')
        .trim()
}
