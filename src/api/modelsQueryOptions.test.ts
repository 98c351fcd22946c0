import { describe, expect, it } from 'vitest'

import { BUNDLED_MODELS } from '../contract/bundledModelCatalog.ts'
import { toModelChoices } from './modelsQueryOptions.ts'
import type { ApiModel } from './postHogSchemas.ts'

function model(runtimeAdapter: string, name: string, efforts: string[] = [], displayName?: string): ApiModel {
    return { runtime_adapter: runtimeAdapter, model: name, display_name: displayName, supported_efforts: efforts }
}

describe('toModelChoices', () => {
    it.each<[string, readonly ApiModel[] | null]>([
        ['a missing endpoint (null)', null],
        ['an empty list (gateway down)', []],
        ['only Codex models', [model('codex', 'gpt-5', ['low'])]],
    ])('falls back to the bundled table for %s', (_name, models) => {
        expect(toModelChoices(models)).toBe(BUNDLED_MODELS)
    })

    it('keeps Claude models in server order with their efforts, once each', () => {
        expect(
            toModelChoices([
                model('claude', 'claude-opus-9', ['low', 'high'], 'Claude Opus 9'),
                model('codex', 'gpt-5', ['low']),
                model('claude', 'claude-new'),
                model('claude', 'claude-opus-9', ['max']),
            ])
        ).toEqual([
            {
                runtimeAdapter: 'claude',
                model: 'claude-opus-9',
                displayName: 'Claude Opus 9',
                supportedEfforts: ['low', 'high'],
            },
            { runtimeAdapter: 'claude', model: 'claude-new', displayName: 'claude-new', supportedEfforts: [] },
        ])
    })
})
