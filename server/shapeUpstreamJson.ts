import { z } from 'zod'

export interface ShapeOptions {
    // PostHog's absolute pagination links start with it
    upstreamOrigin: string
    // e.g. /launcher/posthog
    proxyBase: string
    // only for the tasks list: results outside the list are dropped
    allowedTaskIds: ReadonlySet<string> | null
}

const PageSchema = z.looseObject({
    results: z.array(z.unknown()),
    next: z.string().nullish(),
    previous: z.string().nullish(),
})
const WithId = z.object({ id: z.string() })

export type ShapedPage = { ok: true; page: Record<string, unknown> } | { ok: false }

// A page as the browser should see it: links back through the proxy, and only the allowed tasks; not a page: refused.
export function shapeUpstreamJson(json: unknown, options: ShapeOptions): ShapedPage {
    const page = PageSchema.safeParse(json)
    if (!page.success) {
        // passing an unknown shape through would skip the task allow-list
        return { ok: false }
    }
    const { allowedTaskIds } = options
    const results =
        allowedTaskIds === null
            ? page.data.results
            : page.data.results.filter((item) => {
                  const parsed = WithId.safeParse(item)
                  return parsed.success && allowedTaskIds.has(parsed.data.id.toLowerCase())
              })
    const shaped: Record<string, unknown> = { ...page.data, results }
    if (allowedTaskIds !== null) {
        // the upstream total would count tasks this deployment hides
        shaped['count'] = results.length
    }
    for (const link of ['next', 'previous'] as const) {
        const value = page.data[link]
        if (typeof value === 'string') {
            shaped[link] = toProxyLink(value, options)
        }
    }
    return { ok: true, page: shaped }
}

function toProxyLink(link: string, options: ShapeOptions): string | null {
    let url: URL
    try {
        url = new URL(link)
    } catch {
        return null
    }
    // a link anywhere but PostHog is not something the app should follow
    return url.origin === options.upstreamOrigin ? `${options.proxyBase}${url.pathname}${url.search}` : null
}
