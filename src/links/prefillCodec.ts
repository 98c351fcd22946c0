import { buildFieldValidator } from '../schema/buildFieldValidator.ts'
import type { FieldModel, FormValues, UuidField } from '../schema/fieldModel.ts'
import { decodeFieldValues, type DecodedFieldValues } from './decodeFieldValues.ts'
import { detectSecret, secretValueKind } from './detectSecret.ts'
import { prefillProblem, quoteValue, type PrefillProblem } from './prefillProblem.ts'
import { shareableValues, valueItems } from './shareableValues.ts'

/** The link format version this app writes and reads. */
export const PREFILL_VERSION = 1

/** Links longer than this get a warning: some chat tools, browsers and proxies cut them. */
export const SHARE_LINK_WARNING_LENGTH = 2000

/** Parameters the link format owns; a schema property with one of these names cannot be prefilled. */
export const RESERVED_PARAMS = {
    version: 'v',
    host: 'host',
    projectId: 'project_id',
    taskId: 'task_id',
    lock: 'lock',
} as const

/** Read by embed mode later; passed through as given, never reported. */
export const PASSTHROUGH_PARAMS: readonly string[] = ['embed', 'theme', 'parent_origin']

const RESERVED_NAMES: ReadonlySet<string> = new Set<string>([...Object.values(RESERVED_PARAMS), ...PASSTHROUGH_PARAMS])

/** Where the run goes: the PostHog instance, project and task. */
export interface LinkTarget {
    host?: string
    projectId?: string
    taskId?: string
}

export type ShareMode = 'query' | 'fragment'

export interface DecodedPrefill extends DecodedFieldValues {
    connection: LinkTarget
    /** Fields the link author made read-only, in the order given. */
    locked: string[]
    /** True when any parameter was refused as a secret, in the query or the fragment. */
    hadSecrets: boolean
    /** location.search and location.hash without the refused parameters, ready for history.replaceState. */
    cleanedSearch: string
    cleanedHash: string
}

export interface ShareLink {
    url: string
    /** Longer than SHARE_LINK_WARNING_LENGTH characters. */
    tooLong: boolean
    /** The parameter names the link carries (v excluded), for "this link includes…". */
    included: string[]
}

interface Param {
    /** The segment exactly as it appeared, so cleaning leaves everything else byte for byte. */
    segment: string
    name: string
    value: string
}

const PROJECT_ID = /^[0-9]{1,20}$/

const TASK_ID_FIELD: UuidField = {
    name: RESERVED_PARAMS.taskId,
    label: 'Task ID',
    help: '',
    required: false,
    sensitive: false,
    group: 'other',
    kind: 'uuid',
    defaultValue: '',
}
const TASK_ID = buildFieldValidator(TASK_ID_FIELD)

function parseParams(text: string, prefix: '?' | '#'): Param[] {
    const body = text.startsWith(prefix) ? text.slice(1) : text
    // A fragment without "=" is an ordinary anchor, not prefill.
    if (prefix === '#' && !body.includes('=')) return []
    const params: Param[] = []
    for (const segment of body.split('&')) {
        // Unlike decodeURIComponent, URLSearchParams never throws: bad escapes stay, bad UTF-8 becomes U+FFFD.
        const [entry] = new URLSearchParams(segment)
        if (segment === '' || !entry) continue
        params.push({ segment, name: entry[0], value: entry[1] })
    }
    return params
}

function group(params: readonly Param[]): Map<string, string[]> {
    const grouped = new Map<string, string[]>()
    for (const { name, value } of params) {
        const values = grouped.get(name)
        if (values) values.push(value)
        else grouped.set(name, [value])
    }
    return grouped
}

function hasCredentials(value: string): boolean {
    try {
        const url = new URL(value)
        return url.username !== '' || url.password !== ''
    } catch {
        return false
    }
}

function findSecret(model: FieldModel, name: string, values: readonly string[]): PrefillProblem | undefined {
    if (name === RESERVED_PARAMS.host && values.some(hasCredentials)) {
        return prefillProblem('secret', name, 'the address contains a user name or password, so it was ignored.')
    }
    return detectSecret(model, name, values)
}

function clean(text: string, prefix: '?' | '#', params: readonly Param[], refused: ReadonlySet<string>): string {
    if (!params.some((param) => refused.has(param.name))) return text
    const kept = params.filter((param) => !refused.has(param.name)).map((param) => param.segment)
    return kept.length > 0 ? `${prefix}${kept.join('&')}` : ''
}

/** An http(s) address without credentials, query or fragment, as origin + path without a trailing slash. */
function decodeHost(value: string): string | undefined {
    try {
        const url = new URL(value)
        const web = url.protocol === 'http:' || url.protocol === 'https:'
        if (!web || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
            return undefined
        }
        return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
    } catch {
        return undefined
    }
}

/** The single, trimmed value of a reserved parameter; a problem when it repeats; undefined when blank. */
function single(name: string, values: readonly string[], problems: PrefillProblem[]): string | undefined {
    const [first] = values
    if (values.length !== 1 || first === undefined) {
        problems.push(prefillProblem('invalid', name, `got ${values.length} values, but it takes one.`))
        return undefined
    }
    const trimmed = first.trim()
    return trimmed === '' ? undefined : trimmed
}

interface ConnectionParam {
    key: keyof LinkTarget
    name: string
    decode: (value: string) => string | undefined
    /** Completes "<value> …" in the problem message. */
    expected: string
}

const CONNECTION_PARAMS: readonly ConnectionParam[] = [
    {
        key: 'host',
        name: RESERVED_PARAMS.host,
        decode: decodeHost,
        expected: 'is not an http(s) address such as https://us.posthog.com.',
    },
    {
        key: 'projectId',
        name: RESERVED_PARAMS.projectId,
        decode: (value) => (PROJECT_ID.test(value) ? value : undefined),
        expected: 'is not a project ID (digits only).',
    },
    {
        key: 'taskId',
        name: RESERVED_PARAMS.taskId,
        decode: (value) => (TASK_ID.safeParse(value).success ? value : undefined),
        expected: 'is not a task ID (a UUID).',
    },
]

function decodeConnection(grouped: ReadonlyMap<string, readonly string[]>, problems: PrefillProblem[]): LinkTarget {
    const connection: LinkTarget = {}
    for (const param of CONNECTION_PARAMS) {
        const values = grouped.get(param.name)
        const value = values ? single(param.name, values, problems) : undefined
        if (value === undefined) continue
        const decoded = param.decode(value)
        if (decoded !== undefined) connection[param.key] = decoded
        else problems.push(prefillProblem('invalid', param.name, `${quoteValue(value)} ${param.expected}`))
    }
    return connection
}

function decodeLock(model: FieldModel, values: readonly string[], problems: PrefillProblem[]): string[] {
    const locked: string[] = []
    for (const name of values.flatMap((value) => value.split(',')).map((part) => part.trim())) {
        if (name === '' || locked.includes(name)) continue
        const field = model.byName.get(name)
        if (!field) {
            problems.push(
                prefillProblem('unknown', RESERVED_PARAMS.lock, `there is no field named ${quoteValue(name)} to lock.`)
            )
        } else if (field.sensitive) {
            problems.push(
                prefillProblem('invalid', RESERVED_PARAMS.lock, `${quoteValue(name)} is a secret and cannot be locked.`)
            )
        } else {
            locked.push(name)
        }
    }
    return locked
}

function checkVersion(values: readonly string[] | undefined, problems: PrefillProblem[]): void {
    if (values === undefined) return
    const version = values.length === 1 ? values[0]?.trim() : undefined
    if (version !== String(PREFILL_VERSION)) {
        const given = quoteValue(values.join(','))
        const detail = `link version ${given} is unknown (this app reads version ${PREFILL_VERSION}); the values were read as version ${PREFILL_VERSION}.`
        problems.push(prefillProblem('version', RESERVED_PARAMS.version, detail))
    }
}

/**
 * Reads a prefill link: parameters in the query, the fragment (#model=…) or both, the fragment winning per name.
 * Secrets are refused and left out of cleanedSearch / cleanedHash; every other bad parameter becomes a problem.
 */
export function decodePrefill(model: FieldModel, search: string, hash: string): DecodedPrefill {
    const queryParams = parseParams(search, '?')
    const hashParams = parseParams(hash, '#')
    const fromQuery = group(queryParams)
    const fromHash = group(hashParams)
    const problems: PrefillProblem[] = []
    const refused = new Set<string>()
    // Each source is checked on its own: a secret in the query is scrubbed even when the fragment overrides it.
    const scrub = (source: Map<string, string[]>): Set<string> => {
        const names = new Set<string>()
        for (const [name, values] of source) {
            const secret = findSecret(model, name, values)
            if (!secret) continue
            names.add(name)
            if (!refused.has(name)) problems.push(secret)
            refused.add(name)
        }
        for (const name of names) source.delete(name)
        return names
    }
    const refusedInQuery = scrub(fromQuery)
    const refusedInHash = scrub(fromHash)
    const merged = new Map([...fromQuery, ...fromHash])
    checkVersion(merged.get(RESERVED_PARAMS.version), problems)
    const connection = decodeConnection(merged, problems)
    const locked = decodeLock(model, merged.get(RESERVED_PARAMS.lock) ?? [], problems)
    const fields = decodeFieldValues(
        model,
        [...merged].filter(([name]) => !RESERVED_NAMES.has(name))
    )
    // A secret found inside a value (an MCP header in a server's row) takes its whole parameter out of the address.
    const secretPaths = fields.problems.filter((problem) => problem.reason === 'secret').map((problem) => problem.name)
    const holdsSecret = (name: string): boolean =>
        fields.refusedSecrets.includes(name) || secretPaths.some((path) => path === name || path.startsWith(`${name}.`))
    const withValueSecrets = (params: readonly Param[], names: ReadonlySet<string>): Set<string> =>
        new Set([...names, ...params.map((param) => param.name).filter(holdsSecret)])
    const valueSecrets = [...new Set(merged.keys())].filter((name) => holdsSecret(name) && !refused.has(name))
    return {
        values: fields.values,
        problems: [...problems, ...fields.problems],
        refusedSecrets: [...new Set([...refused, ...fields.refusedSecrets, ...valueSecrets])],
        connection,
        locked,
        hadSecrets: refused.size > 0 || fields.refusedSecrets.length > 0 || valueSecrets.length > 0,
        cleanedSearch: clean(search, '?', queryParams, withValueSecrets(queryParams, refusedInQuery)),
        cleanedHash: clean(hash, '#', hashParams, withValueSecrets(hashParams, refusedInHash)),
    }
}

export interface EncodeOptions {
    /** Fields to make read-only for whoever opens the link; unknown and secret names are dropped. */
    lock?: readonly string[]
}

/** The parameters of a share link: v=1 first, then the connection, the non-default values and the lock list. */
export function encodePrefill(
    model: FieldModel,
    values: FormValues,
    connection: LinkTarget = {},
    options: EncodeOptions = {}
): URLSearchParams {
    const params = new URLSearchParams()
    params.append(RESERVED_PARAMS.version, String(PREFILL_VERSION))
    // The connection goes through the same checks as on the way in, so a bad or credential-bearing host stays out.
    const given = new Map<string, string[]>()
    for (const { key, name } of CONNECTION_PARAMS) {
        const value = connection[key]
        if (value !== undefined && secretValueKind(value) === undefined) given.set(name, [value])
    }
    const checked = decodeConnection(given, [])
    for (const { key, name } of CONNECTION_PARAMS) {
        const value = checked[key]
        if (value !== undefined) params.append(name, value)
    }
    const shared = shareableValues(model, values)
    for (const { name } of model.fields) {
        const value = Object.hasOwn(shared, name) ? shared[name] : undefined
        if (value === undefined || RESERVED_NAMES.has(name)) continue
        for (const item of valueItems(value)) params.append(name, item)
    }
    const lock = (options.lock ?? []).filter(
        (name, index, all) => model.byName.get(name)?.sensitive === false && all.indexOf(name) === index
    )
    if (lock.length > 0) params.append(RESERVED_PARAMS.lock, lock.join(','))
    return params
}

/** A link to baseUrl (its own query and fragment dropped) carrying params in the query or the fragment. */
export function buildShareLink(baseUrl: string, params: URLSearchParams, mode: ShareMode): ShareLink {
    const base = baseUrl.split(/[?#]/, 1)[0] ?? ''
    const query = params.toString()
    const url = query === '' ? base : `${base}${mode === 'fragment' ? '#' : '?'}${query}`
    const included = [...new Set(params.keys())].filter((name) => name !== RESERVED_PARAMS.version)
    return { url, tooLong: url.length > SHARE_LINK_WARNING_LENGTH, included }
}
