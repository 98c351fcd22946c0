export interface Page<T> {
    count: number
    next: string | null
    previous: string | null
    results: T[]
}

export interface PageLimits {
    defaultLimit: number
    // undefined: no cap, like DRF's LimitOffsetPagination without max_limit
    maxLimit?: number
}

// DRF's LimitOffsetPagination: absolute links, limit always set, offset dropped when it returns to 0.
export function paginate<T>(items: readonly T[], url: URL, limits: PageLimits): Page<T> {
    const limit = readLimit(url.searchParams.get('limit'), limits)
    const offset = readPositiveInt(url.searchParams.get('offset'), false) ?? 0
    const count = items.length
    const next = offset + limit >= count ? null : replaceQuery(url, { limit, offset: offset + limit })
    let previous: string | null = null
    if (offset > 0) {
        previous = replaceQuery(url, { limit, offset: offset - limit <= 0 ? undefined : offset - limit })
    }
    return { count, next, previous, results: items.slice(offset, offset + limit) }
}

function readLimit(raw: string | null, limits: PageLimits): number {
    const limit = readPositiveInt(raw, true) ?? limits.defaultLimit
    return limits.maxLimit === undefined ? limit : Math.min(limit, limits.maxLimit)
}

// Python's int() on the query value; zero counts as invalid when strict
function readPositiveInt(raw: string | null, strict: boolean): number | undefined {
    if (raw === null || !/^\s*\+?\d+\s*$/.test(raw)) {
        return undefined
    }
    const value = Number.parseInt(raw.trim(), 10)
    return strict && value === 0 ? undefined : value
}

// DRF's replace_query_param: the changed keys replace old values and the query is re-encoded in key order.
function replaceQuery(url: URL, changes: Record<string, number | undefined>): string {
    const params = new Map<string, string[]>()
    for (const [key, value] of url.searchParams) {
        params.set(key, [...(params.get(key) ?? []), value])
    }
    for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) {
            params.delete(key)
        } else {
            params.set(key, [String(value)])
        }
    }
    const query = new URLSearchParams()
    for (const key of [...params.keys()].sort()) {
        for (const value of params.get(key) ?? []) {
            query.append(key, value)
        }
    }
    const search = query.toString()
    return `${url.origin}${url.pathname}${search === '' ? '' : `?${search}`}`
}
