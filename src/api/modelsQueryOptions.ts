import { queryOptions, skipToken } from '@tanstack/react-query'

import { BUNDLED_MODELS } from '../contract/bundledModelCatalog.ts'
import type { ModelChoice } from '../contract/bundledModelCatalog.ts'
import { postHogKeys, scopeOf } from './connectionScope.ts'
import type { PostHogClient } from './createPostHogClient.ts'
import type { ApiModel } from './postHogSchemas.ts'

// This app starts Claude runs only (ClaudeTaskRunCreateSchema).
const RUNTIME_ADAPTER = 'claude'

/** PostHog's Claude models, or the bundled table when the server has none (404) or an empty list (gateway down). */
export function toModelChoices(models: readonly ApiModel[] | null): readonly ModelChoice[] {
    const seen = new Set<string>()
    const choices: ModelChoice[] = []
    for (const model of models ?? []) {
        if (model.runtime_adapter !== RUNTIME_ADAPTER || seen.has(model.model)) continue
        seen.add(model.model)
        choices.push({
            runtimeAdapter: model.runtime_adapter,
            model: model.model,
            displayName: model.display_name ?? model.model,
            supportedEfforts: model.supported_efforts,
        })
    }
    return choices.length > 0 ? choices : BUNDLED_MODELS
}

export function modelsQueryOptions(client: PostHogClient | undefined) {
    return queryOptions({
        queryKey: postHogKeys.models(scopeOf(client)),
        queryFn: client ? ({ signal }) => client.listModels({ signal }) : skipToken,
        select: toModelChoices,
        retry: false,
        staleTime: 5 * 60_000,
    })
}
