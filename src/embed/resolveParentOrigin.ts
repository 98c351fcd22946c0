import { originOfUrl } from './parseBareOrigin.ts'
import type { EmbedParams } from './parseEmbedParams.ts'

export type ParentOriginResult = { ok: true; origin: string } | { ok: false; reason: string }

/** The one origin the embed talks to: parent_origin, else the referrer's origin, else none. */
export function resolveParentOrigin(
    params: Pick<EmbedParams, 'parentOrigin' | 'parentOriginGiven'>,
    referrer: string
): ParentOriginResult {
    if (params.parentOriginGiven) {
        // An explicit but unusable parent_origin must not silently widen to whatever the referrer says.
        return params.parentOrigin === undefined
            ? { ok: false, reason: 'parent_origin is not one bare http(s) origin, so messaging is off.' }
            : { ok: true, origin: params.parentOrigin }
    }
    const origin = originOfUrl(referrer)
    return origin === undefined
        ? { ok: false, reason: 'No parent origin is known: add parent_origin to the iframe URL, so messaging is off.' }
        : { ok: true, origin }
}
