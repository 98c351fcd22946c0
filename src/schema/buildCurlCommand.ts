import type { FieldModel, RunRequestBody } from './fieldModel.ts'
import { mapSecrets } from './mapSecrets.ts'

export interface RunTarget {
    host: string
    projectId: string
    taskId: string
}

export const REDACTED = '••••••••'
const API_KEY_VARIABLE = 'POSTHOG_PERSONAL_API_KEY'

function shellQuote(text: string): string {
    return `'${text.replaceAll("'", `'\\''`)}'`
}

function variableFor(path: string): string {
    return path.toUpperCase().replaceAll('.', '_')
}

/** The body as shown on screen: sensitive values masked. */
export function redactBody(model: FieldModel, body: RunRequestBody): RunRequestBody {
    return mapSecrets(model, body, () => REDACTED)
}

export function buildRunUrl(target: RunTarget): string {
    const host = target.host.replace(/\/+$/, '') || 'https://us.posthog.com'
    const project = encodeURIComponent(target.projectId.trim()) || '<PROJECT_ID>'
    const task = encodeURIComponent(target.taskId.trim()) || '<TASK_ID>'
    return `${host}/api/projects/${project}/tasks/${task}/run/`
}

/** A copyable curl command; the API key and sensitive fields are shell variables, never their values. */
export function buildCurlCommand(model: FieldModel, body: RunRequestBody, target: RunTarget): string {
    const placeholders = new Map<string, string>()
    const shown = mapSecrets(model, body, (path) => {
        const marker = `\u0000${path}\u0000`
        placeholders.set(marker, variableFor(path))
        return marker
    })
    let data = shellQuote(JSON.stringify(shown, null, 2))
    for (const [marker, variable] of placeholders) {
        // JSON.stringify escapes the NUL marker; splice the variable in outside the single quotes.
        data = data.replace(JSON.stringify(marker).slice(1, -1), `'"$${variable}"'`)
    }
    return [
        `curl -X POST ${shellQuote(buildRunUrl(target))}`,
        `  -H "Authorization: Bearer $${API_KEY_VARIABLE}"`,
        `  -H 'Content-Type: application/json'`,
        `  --data-raw ${data}`,
    ].join(' \\\n')
}
