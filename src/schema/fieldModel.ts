// The closed set of field kinds a schema property compiles to; each has exactly one renderer.
export const FIELD_KINDS = [
    'text',
    'longText',
    'url',
    'uuid',
    'enum',
    'constant',
    'boolean',
    'stringList',
    'secret',
    'objectList',
] as const
export type FieldKind = (typeof FIELD_KINDS)[number]

export type FieldGroupId = 'run' | 'prompt' | 'where' | 'pullRequests' | 'source' | 'resume' | 'other'

export interface EnumOption {
    value: string
    label: string
    description: string
}

interface FieldBase {
    /** The schema property name, also the form value key and the request body key (inside its row for a nested field). */
    name: string
    label: string
    help: string
    /** Required by the schema itself; rules may add more (see ResolvedField.required). */
    required: boolean
    /** A credential by the schema (writeOnly, its description or its name): never in a URL, draft, message, log or cache. */
    sensitive: boolean
    /** The schema allows null (nullable, anyOf [X, null]); null then means "PostHog decides", like leaving it out. */
    nullable?: boolean
    group: FieldGroupId
}

export interface TextField extends FieldBase {
    kind: 'text' | 'longText' | 'secret' | 'url'
    maxLength: number | undefined
    minLength: number | undefined
    defaultValue: string
}

export interface UuidField extends FieldBase {
    kind: 'uuid'
    defaultValue: string
}

export interface EnumField extends FieldBase {
    kind: 'enum'
    options: readonly EnumOption[]
    defaultValue: string
}

export interface ConstantField extends FieldBase {
    kind: 'constant'
    value: string
    option: EnumOption
    defaultValue: string
}

export interface BooleanField extends FieldBase {
    kind: 'boolean'
    /** '' means "leave it to the server" (the property is omitted). */
    defaultValue: BooleanFormValue
}

export interface StringListField extends FieldBase {
    kind: 'stringList'
    itemMaxLength: number | undefined
    defaultValue: readonly string[]
}

/** A list of objects (MCP servers, their headers): each row holds the item's own fields, nested lists included. */
export interface ObjectListField extends FieldBase {
    kind: 'objectList'
    itemFields: readonly Field[]
    /** What one row is called, e.g. "MCP server" or "Header". */
    itemLabel: string
    maxItems: number | undefined
    defaultValue: readonly FormRow[]
}

export type Field = TextField | UuidField | EnumField | ConstantField | BooleanField | StringListField | ObjectListField

export type BooleanFormValue = '' | 'true' | 'false'

/** One row of an object list: values keyed by the item's property names. */
export type FormRow = Record<string, FormValue | undefined>

/** Form values are strings (or string lists, or rows) keyed by property name; confirmations are booleans. */
export type FormValue = string | readonly string[] | boolean | readonly FormRow[]
// Partial by nature: react-hook-form reports values of fields it has not seen yet as undefined.
export type FormValues = Record<string, FormValue | undefined>

export interface FieldModel {
    /** The schema name the model was compiled from, e.g. ClaudeTaskRunCreateSchema. */
    schemaName: string
    /** Fields in display order (grouped). */
    fields: readonly Field[]
    byName: ReadonlyMap<string, Field>
}

export interface SchemaProblem {
    /** JSON pointer-ish location, e.g. properties/foo/oneOf. */
    path: string
    message: string
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** The JSON body sent to POST …/tasks/{id}/run/. */
export type RunRequestBody = Record<string, JsonValue>
