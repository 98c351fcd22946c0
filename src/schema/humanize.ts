const WORDS: ReadonlyMap<string, string> = new Map([
    ['id', 'ID'],
    ['ids', 'IDs'],
    ['pr', 'PR'],
    ['prs', 'PRs'],
    ['github', 'GitHub'],
    ['uuid', 'UUID'],
    ['url', 'URL'],
    ['mcp', 'MCP'],
    ['rtk', 'RTK'],
    ['llm', 'LLM'],
    ['api', 'API'],
])

/** Turns a property or enum value name (snake_case or camelCase) into a sentence-case label. */
export function humanize(name: string): string {
    const words = name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .split(/[\s_-]+/)
        .filter((word) => word !== '')
        .map((word) => word.toLowerCase())
    const label = words.map((word) => WORDS.get(word) ?? word).join(' ')
    return label.charAt(0).toUpperCase() + label.slice(1)
}
