import type { Field, FieldModel, FormValues, JsonValue, RunRequestBody } from './fieldModel.ts'
import { readRows, readString } from './formValues.ts'

type JsonObject = Record<string, JsonValue>

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function mapObject(fields: readonly Field[], source: JsonObject, path: string, replace: Replace): JsonObject {
    const mapped: JsonObject = {}
    for (const [name, value] of Object.entries(source)) {
        const field = fields.find((candidate) => candidate.name === name)
        const at = path === '' ? name : `${path}.${name}`
        if (field?.sensitive) mapped[name] = replace(at)
        else if (field?.kind === 'objectList' && Array.isArray(value)) {
            mapped[name] = value.map((row, index) =>
                isJsonObject(row) ? mapObject(field.itemFields, row, `${at}.${index}`, replace) : row
            )
        } else mapped[name] = value
    }
    return mapped
}

/** Called with the dotted path of each secret value (github_user_token, imported_mcp_servers.0.headers.1.value). */
export type Replace = (path: string) => JsonValue

/** The body with every secret value, at any depth, replaced: masks on screen, shell variables in curl. */
export function mapSecrets(model: FieldModel, body: RunRequestBody, replace: Replace): RunRequestBody {
    return mapObject(model.fields, body, '', replace)
}

function collect(fields: readonly Field[], values: FormValues, found: string[]): void {
    for (const field of fields) {
        if (field.sensitive) {
            const value = readString(values, field.name).trim()
            if (value !== '') found.push(value)
        } else if (field.kind === 'objectList') {
            for (const row of readRows(values, field.name)) collect(field.itemFields, row, found)
        }
    }
}

/** Every secret the form holds now, nested ones included: no message, log or link may contain one. */
export function secretValues(model: FieldModel, values: FormValues): string[] {
    const found: string[] = []
    collect(model.fields, values, found)
    return found
}
