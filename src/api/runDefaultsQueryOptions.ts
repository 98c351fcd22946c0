import { queryOptions, skipToken } from '@tanstack/react-query'
import * as z from 'zod/mini'

import type { RunDefaults } from '../schema/runDefaults.ts'
import { ApiError } from './ApiError.ts'
import { postHogKeys, scopeOf } from './connectionScope.ts'
import type { PostHogClient, RequestOptions } from './createPostHogClient.ts'

// This app starts Claude runs only: another runtime's default is not one it can offer.
const RUNTIME_ADAPTER = 'claude'

const optionalText = z.pipe(
    z.catch(z.optional(z.nullable(z.string())), undefined),
    z.transform((value) => (value === null || value === '' ? undefined : value))
)

/** tasks/@me/config/ (§4); other keys vary by version and are ignored, a missing or odd block reads as no default. */
export const MyTaskConfigSchema = z.object({
    resolved_ai_run_defaults: z.catch(
        z.optional(
            z.nullable(
                z.object({
                    runtime_adapter: optionalText,
                    model: optionalText,
                    reasoning_effort: optionalText,
                    source: z.catch(z.optional(z.string()), undefined),
                })
            )
        ),
        undefined
    ),
})
export type MyTaskConfig = z.infer<typeof MyTaskConfigSchema>

/** The defaults PostHog resolves for this user and project, or undefined when none applies to a Claude run. */
export function toRunDefaults(config: MyTaskConfig | null): RunDefaults | undefined {
    const resolved = config?.resolved_ai_run_defaults
    if (!resolved?.model || resolved.runtime_adapter !== RUNTIME_ADAPTER) return undefined
    if (resolved.source !== 'user' && resolved.source !== 'team') return undefined
    return {
        runtimeAdapter: resolved.runtime_adapter,
        model: resolved.model,
        reasoningEffort: resolved.reasoning_effort,
        source: resolved.source,
    }
}

/** The user's run config; null when the deployment has no such endpoint (404): no defaults to offer. */
export async function fetchMyTaskConfig(client: PostHogClient, options: RequestOptions): Promise<MyTaskConfig | null> {
    try {
        return await client.getProjectJson('tasks/@me/config/', MyTaskConfigSchema, options)
    } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
    }
}

export function runDefaultsQueryOptions(client: PostHogClient | undefined) {
    return queryOptions({
        queryKey: postHogKeys.runDefaults(scopeOf(client)),
        queryFn: client ? ({ signal }) => fetchMyTaskConfig(client, { signal }) : skipToken,
        select: toRunDefaults,
        retry: false,
        staleTime: 60_000,
    })
}
