import { groupOf, MULTILINE_FIELDS } from './fieldLayout.ts'
import type { BooleanFormValue, EnumOption, Field, FieldGroupId, FieldModel, SchemaProblem } from './fieldModel.ts'
import { humanize } from './humanize.ts'
import { OPTION_COPY } from './optionCopy.ts'
import { parseEnumLines, stripEnumLines } from './parseEnumLines.ts'

export type CompileResult =
    | { ok: true; model: FieldModel; problems: readonly SchemaProblem[] }
    | { ok: false; problems: readonly SchemaProblem[] }

type JsonObject = Record<string, unknown>

// The declared subset of JSON Schema; anything else is reported, never guessed at.
const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
    'type',
    'enum',
    '$ref',
    'allOf',
    'oneOf',
    'anyOf',
    'nullable',
    'default',
    'maxLength',
    'minLength',
    'format',
    'items',
    'maxItems',
    'properties',
    'required',
    'writeOnly',
    'readOnly',
    'description',
    'title',
    'deprecated',
    'example',
    'examples',
])
const SUPPORTED_FORMATS: ReadonlySet<string> = new Set(['uuid', 'uri'])
// A credential by its name: github_user_token, api_key, password…
const SECRET_NAME = /token|secret|password|credential|api_?key|authorization/i
// A credential by its own description: "treated as a credential", "is a secret".
const SECRET_TEXT =
    /\btreated as (?:a )?credentials?\b|\b(?:is|are) (?:a |an )?(?:secret|credential|api key|access token)s?\b/i
// A list's description may say which of its items' values are credentials: "Header values are treated as credentials".
const CREDENTIAL_VALUES = /\b([a-z]+) values are treated as credentials?\b/gi
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
// Property names become form paths and object keys: plain identifiers only.
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/
const MAX_REF_DEPTH = 8

/** Where local references point: `#/components/schemas/<name>`. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/'

export function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringOr(value: unknown, fallback: string): string {
    return typeof value === 'string' ? value : fallback
}

function nonNegativeInteger(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined
}

/** The compiler's knowledge about where a property sits: its form path and what its ancestors said of it. */
interface PropertyContext {
    /** Schema path for problems, e.g. properties/imported_mcp_servers/items/properties/url. */
    path: string
    group: FieldGroupId
    /** Singular nouns whose `value` items are credentials, from an ancestor's description. */
    credentialValues: ReadonlySet<string>
    /** Set when this property is the `value` of an item whose list was named in credentialValues. */
    sensitiveByAncestor: boolean
}

function singular(name: string): string {
    return name.toLowerCase().replace(/s$/, '')
}

function credentialNouns(description: string, inherited: ReadonlySet<string>): ReadonlySet<string> {
    const nouns = new Set(inherited)
    for (const match of description.matchAll(CREDENTIAL_VALUES)) {
        if (match[1] !== undefined) nouns.add(singular(match[1]))
    }
    return nouns
}

class Compiler {
    readonly problems: SchemaProblem[] = []
    private readonly schemas: JsonObject

    constructor(document: JsonObject) {
        const components = isObject(document['components']) ? document['components'] : {}
        this.schemas = isObject(components['schemas']) ? components['schemas'] : {}
    }

    report(path: string, message: string): void {
        this.problems.push({ path, message })
    }

    lookup(name: string): JsonObject | undefined {
        if (!Object.hasOwn(this.schemas, name)) {
            return undefined
        }
        const schema = this.schemas[name]
        return isObject(schema) ? schema : undefined
    }

    deref(ref: unknown, path: string): { name: string; schema: JsonObject } | undefined {
        if (typeof ref !== 'string' || !ref.startsWith(SCHEMA_REF_PREFIX)) {
            this.report(
                path,
                `Only local references to #/components/schemas/… are supported, got ${JSON.stringify(ref)}.`
            )
            return undefined
        }
        const name = ref.slice(SCHEMA_REF_PREFIX.length)
        const schema = this.lookup(name)
        if (!schema) {
            this.report(path, `The reference ${ref} points to no schema in the document.`)
            return undefined
        }
        return { name, schema }
    }

    /** Flattens $ref, allOf-wrapped $ref and null unions into one schema plus nullability. */
    flatten(schema: JsonObject, path: string, depth = 0): { schema: JsonObject; nullable: boolean } | undefined {
        if (depth > MAX_REF_DEPTH) {
            this.report(path, 'References nest too deeply (or form a cycle).')
            return undefined
        }
        for (const keyword of Object.keys(schema)) {
            if (!SUPPORTED_KEYWORDS.has(keyword) && !keyword.startsWith('x-')) {
                this.report(`${path}/${keyword}`, `The keyword "${keyword}" is not supported by this form.`)
                return undefined
            }
        }
        const { $ref, allOf, oneOf, anyOf, ...annotations } = schema
        let nullable = annotations['nullable'] === true
        let target: JsonObject | undefined
        if ($ref !== undefined) {
            target = this.deref($ref, `${path}/$ref`)?.schema
            if (!target) return undefined
        } else if (allOf !== undefined) {
            if (!Array.isArray(allOf) || allOf.length !== 1 || !isObject(allOf[0])) {
                this.report(`${path}/allOf`, 'allOf is supported only as a wrapper around a single $ref.')
                return undefined
            }
            target = allOf[0]
        } else if (oneOf !== undefined || anyOf !== undefined) {
            const keyword = oneOf !== undefined ? 'oneOf' : 'anyOf'
            const variants = oneOf ?? anyOf
            const nonNull = Array.isArray(variants) ? variants.filter((variant) => !this.isNullVariant(variant)) : []
            if (!Array.isArray(variants) || nonNull.length !== 1 || !isObject(nonNull[0])) {
                this.report(`${path}/${keyword}`, `${keyword} is supported only as "one schema or null".`)
                return undefined
            }
            nullable ||= nonNull.length < variants.length
            target = nonNull[0]
        }
        if (target) {
            const inner = this.flatten(target, path, depth + 1)
            if (!inner) return undefined
            // Outer annotations (description, default, writeOnly…) win over the referenced component's.
            return { schema: { ...inner.schema, ...annotations }, nullable: nullable || inner.nullable }
        }
        const type = annotations['type']
        if (Array.isArray(type)) {
            const nonNullTypes = type.filter((entry) => entry !== 'null')
            if (nonNullTypes.length !== 1) {
                this.report(`${path}/type`, `A list of types is supported only as [type, "null"].`)
                return undefined
            }
            return { schema: { ...annotations, type: nonNullTypes[0] }, nullable: true }
        }
        return { schema: annotations, nullable }
    }

    isNullVariant(variant: unknown): boolean {
        if (!isObject(variant)) return false
        if (variant['type'] === 'null') return true
        const resolved = typeof variant['$ref'] === 'string' ? this.deref(variant['$ref'], '')?.schema : variant
        const values = resolved?.['enum']
        // drf-spectacular's NullEnum and BlankEnum stand for "no value", which the form expresses by omission.
        return Array.isArray(values) && values.every((value) => value === null || value === '')
    }

    enumOptions(name: string, values: unknown[], descriptions: string[], path: string): EnumOption[] | undefined {
        const strings = values.filter((value) => value !== null && value !== '')
        if (!strings.every((value) => typeof value === 'string')) {
            this.report(`${path}/enum`, 'Only enums of strings are supported.')
            return undefined
        }
        const labels = new Map<string, string>()
        for (const description of descriptions) {
            for (const line of parseEnumLines(description)) {
                if (!labels.has(line.value)) labels.set(line.value, line.label)
            }
        }
        const copy = OPTION_COPY.get(name)
        return strings.map((value) => {
            const schemaLabel = labels.get(value)
            const known = copy?.get(value)
            // A schema label that only repeats the value says nothing; humanize the value instead.
            const hasOwnLabel = schemaLabel !== undefined && schemaLabel !== value
            return {
                value,
                label: known?.label ?? (hasOwnLabel ? schemaLabel : humanize(value)),
                description: known?.description ?? (hasOwnLabel ? schemaLabel : ''),
            }
        })
    }

    compileProperty(name: string, raw: unknown, required: boolean, context?: PropertyContext): Field | undefined {
        const path = context?.path ?? `properties/${name}`
        if (FORBIDDEN_NAMES.has(name) || !PROPERTY_NAME.test(name)) {
            this.report(path, `The property name "${name}" cannot be used as a form field.`)
            return undefined
        }
        if (!isObject(raw)) {
            this.report(path, 'The property schema is not an object.')
            return undefined
        }
        const enumComponent = this.enumComponentDescription(raw)
        const flat = this.flatten(raw, path)
        if (!flat) return undefined
        const { schema, nullable } = flat
        if (schema['readOnly'] === true) {
            // Read-only properties are never part of a request body.
            return undefined
        }
        const description = stringOr(schema['description'], '')
        const group = context?.group ?? groupOf(name).group
        const base = {
            name,
            label: humanize(name),
            help: stripEnumLines(description),
            required,
            nullable,
            sensitive:
                schema['writeOnly'] === true ||
                SECRET_NAME.test(name) ||
                // "Header values are treated as credentials" speaks of the items, not of this property.
                SECRET_TEXT.test(description.replace(CREDENTIAL_VALUES, '')) ||
                context?.sensitiveByAncestor === true,
            group,
        }
        const type = schema['type']
        const format = schema['format']
        if (format !== undefined && (typeof format !== 'string' || !SUPPORTED_FORMATS.has(format))) {
            this.report(`${path}/format`, `The format ${JSON.stringify(format)} is not supported.`)
            return undefined
        }
        const values = schema['enum']
        if (values !== undefined) {
            if (!Array.isArray(values) || (type !== undefined && type !== 'string')) {
                this.report(`${path}/enum`, 'Only enums of strings are supported.')
                return undefined
            }
            const options = this.enumOptions(name, values, [enumComponent ?? '', description], path)
            if (!options) return undefined
            if (options.length === 0) {
                this.report(`${path}/enum`, 'The enum has no values to choose from.')
                return undefined
            }
            const fallback = schema['default']
            const defaultValue =
                typeof fallback === 'string' && options.some((o) => o.value === fallback) ? fallback : ''
            if (fallback !== undefined && defaultValue === '') {
                this.report(`${path}/default`, `The default ${JSON.stringify(fallback)} is not one of the enum values.`)
            }
            const [only] = options
            if (required && options.length === 1 && only) {
                return { ...base, kind: 'constant', value: only.value, option: only, defaultValue: only.value }
            }
            return { ...base, kind: 'enum', options, defaultValue }
        }
        if (type === 'boolean') {
            const fallback = schema['default']
            const defaultValue: BooleanFormValue = fallback === true ? 'true' : fallback === false ? 'false' : ''
            return { ...base, kind: 'boolean', defaultValue }
        }
        if (type === 'string') {
            const defaultValue = stringOr(schema['default'], '')
            if (format === 'uuid') {
                return { ...base, kind: 'uuid', defaultValue }
            }
            const kind = base.sensitive
                ? 'secret'
                : format === 'uri'
                  ? 'url'
                  : context === undefined && MULTILINE_FIELDS.has(name)
                    ? 'longText'
                    : 'text'
            return {
                ...base,
                kind,
                maxLength: nonNegativeInteger(schema['maxLength']),
                minLength: nonNegativeInteger(schema['minLength']),
                defaultValue,
            }
        }
        if (type === 'array') {
            const rawItems = schema['items']
            const items = isObject(rawItems) ? this.flatten(rawItems, `${path}/items`) : undefined
            if (!items) {
                if (!isObject(rawItems)) this.report(`${path}/items`, 'An array needs an items schema.')
                return undefined
            }
            if (items.schema['type'] === 'object') {
                return this.compileObjectList(base, schema, items.schema, description, context)
            }
            if (items.schema['type'] !== 'string' || items.schema['enum'] !== undefined) {
                this.report(`${path}/items`, 'Only arrays of plain strings or of objects are supported.')
                return undefined
            }
            if (items.schema['format'] !== undefined) {
                this.report(`${path}/items/format`, 'Formats on array items are not supported.')
                return undefined
            }
            return {
                ...base,
                kind: 'stringList',
                itemMaxLength: nonNegativeInteger(items.schema['maxLength']),
                defaultValue: [],
            }
        }
        if (type === 'object') {
            this.report(path, 'An object is supported only as the item of a list.')
            return undefined
        }
        this.report(path, `The type ${JSON.stringify(type)} is not supported by this form.`)
        return undefined
    }

    /** An array of objects: each item property becomes a field of the row, compiled by the same rules. */
    compileObjectList(
        base: Omit<Field, 'kind' | 'defaultValue'>,
        schema: JsonObject,
        item: JsonObject,
        description: string,
        context: PropertyContext | undefined
    ): Field | undefined {
        const path = context?.path ?? `properties/${base.name}`
        const properties = item['properties']
        if (!isObject(properties) || Object.keys(properties).length === 0) {
            this.report(`${path}/items`, 'A list of objects needs the properties of its items.')
            return undefined
        }
        const requiredList = Array.isArray(item['required']) ? item['required'] : []
        const required = new Set(requiredList.filter((entry) => typeof entry === 'string'))
        const credentialValues = credentialNouns(description, context?.credentialValues ?? new Set())
        const valuesAreSecret = credentialValues.has(singular(base.name))
        const itemFields: Field[] = []
        for (const [name, raw] of Object.entries(properties)) {
            const field = this.compileProperty(name, raw, required.has(name), {
                path: `${path}/items/properties/${name}`,
                group: base.group,
                credentialValues,
                sensitiveByAncestor: valuesAreSecret && name === 'value',
            })
            if (field) {
                itemFields.push(field)
            } else if (required.has(name)) {
                this.report(
                    `${path}/items/properties/${name}`,
                    `"${name}" is required in each item, so the list cannot be used.`
                )
                return undefined
            }
        }
        const title = stringOr(item['title'], '')
        return {
            ...base,
            kind: 'objectList',
            itemFields,
            itemLabel: title !== '' ? humanize(title) : base.label.replace(/s$/, ''),
            maxItems: nonNegativeInteger(schema['maxItems']),
            defaultValue: [],
        }
    }

    /** The description of the enum component behind an allOf/$ref, which carries the per-value lines. */
    enumComponentDescription(raw: JsonObject): string | undefined {
        const allOf = raw['allOf']
        const wrapped = Array.isArray(allOf) && isObject(allOf[0]) ? allOf[0]['$ref'] : undefined
        const ref = raw['$ref'] ?? wrapped
        if (typeof ref !== 'string') return undefined
        const name = ref.split('/').pop() ?? ''
        const description = this.lookup(name)?.['description']
        return typeof description === 'string' ? description : undefined
    }
}

/** Compiles components.schemas[schemaName] of an OpenAPI-shaped document into a field model. */
export function compileSchema(document: unknown, schemaName: string): CompileResult {
    if (!isObject(document)) {
        return { ok: false, problems: [{ path: '', message: 'The schema document is not a JSON object.' }] }
    }
    const compiler = new Compiler(document)
    const root = compiler.lookup(schemaName)
    if (!root) {
        return {
            ok: false,
            problems: [
                { path: `components/schemas/${schemaName}`, message: `The document has no ${schemaName} schema.` },
            ],
        }
    }
    const properties = root['properties']
    if (!isObject(properties)) {
        return { ok: false, problems: [{ path: 'properties', message: `${schemaName} has no properties.` }] }
    }
    const requiredList = Array.isArray(root['required']) ? root['required'] : []
    const required = new Set(requiredList.filter((entry) => typeof entry === 'string'))
    const fields: Field[] = []
    let missingRequired = false
    for (const [name, raw] of Object.entries(properties)) {
        const field = compiler.compileProperty(name, raw, required.has(name))
        if (field) {
            fields.push(field)
        } else if (required.has(name)) {
            missingRequired = true
            compiler.report(`properties/${name}`, `"${name}" is required, so runs cannot be started from this schema.`)
        }
    }
    for (const name of required) {
        if (!Object.hasOwn(properties, name)) {
            missingRequired = true
            compiler.report('required', `"${name}" is listed as required but has no property schema.`)
        }
    }
    // Stable sort keeps schema order inside the "other" group.
    fields.sort((a, b) => groupOf(a.name).order - groupOf(b.name).order)
    const model: FieldModel = { schemaName, fields, byName: new Map(fields.map((field) => [field.name, field])) }
    return missingRequired
        ? { ok: false, problems: compiler.problems }
        : { ok: true, model, problems: compiler.problems }
}
