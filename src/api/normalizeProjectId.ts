export type ProjectIdResult = { ok: true; projectId: string } | { ok: false; message: string }

/** The numeric project id from what the user typed: "12345", " 12345 " or an app URL …/project/12345/…. */
export function normalizeProjectId(input: string): ProjectIdResult {
    const trimmed = input.trim()
    if (trimmed === '')
        return { ok: false, message: 'Enter the project id (the number after /project/ in PostHog’s address bar).' }
    const fromUrl = /\/project\/(\d+)(?:[/?#]|$)/.exec(trimmed)?.[1]
    const candidate = fromUrl ?? trimmed
    if (!/^\d{1,18}$/.test(candidate) || /^0+$/.test(candidate)) {
        return {
            ok: false,
            message: 'The project id is a number, like 12345: the number after /project/ in PostHog’s address bar.',
        }
    }
    return { ok: true, projectId: candidate.replace(/^0+/, '') }
}
