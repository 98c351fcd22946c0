import type { FakeModel } from './fakeEntities.ts'
import { normalizeModelId as toCatalogKey } from '../src/contract/modelCapabilities.ts'

const CODEX_MAX_REASONING_MODELS = new Set(['gpt-5.6-sol', 'gpt-5.6-terra', 'gpt-5.6-luna'])

// get_reasoning_effort_error: fires only when adapter, model and effort are all set.
export function getReasoningEffortError(
    runtimeAdapter: string | null | undefined,
    model: string | null | undefined,
    reasoningEffort: string | null | undefined,
    catalog: readonly FakeModel[]
): string | null {
    if (!runtimeAdapter || !model || !reasoningEffort) {
        return null
    }
    const supported = listSupportedEfforts(runtimeAdapter, model, catalog)
    if (supported.includes(reasoningEffort)) {
        return null
    }
    const values = supported.length === 0 ? 'none' : supported.join(', ')
    return `Reasoning effort '${reasoningEffort}' is not supported for runtime_adapter '${runtimeAdapter}' and model '${model}'. Supported values: ${values}.`
}

export function listSupportedEfforts(runtimeAdapter: string, model: string, catalog: readonly FakeModel[]): string[] {
    if (runtimeAdapter === 'codex') {
        if (CODEX_MAX_REASONING_MODELS.has(model)) {
            return ['low', 'medium', 'high', 'xhigh', 'max']
        }
        return model === 'gpt-5.5' ? ['low', 'medium', 'high', 'xhigh'] : ['low', 'medium', 'high']
    }
    // an unknown Claude model allows no effort at all
    const key = toCatalogKey(model)
    const entry = catalog.find(
        (candidate) => candidate.runtime_adapter === runtimeAdapter && toCatalogKey(candidate.model) === key
    )
    return entry?.supported_efforts ?? []
}
