import { describe, expect, it } from 'vitest'

import { BUNDLED_MODELS } from './bundledModelCatalog.ts'
import { FAST_MODE_MODELS, ONE_MILLION_CONTEXT_MODELS } from './modelCapabilities.ts'

describe('the bundled model catalogue', () => {
    // followup §7's additions, with §6's fast mode and 1M context support
    it.each([
        ['claude-fable-5-1', 'Claude Fable 5.1', ['low', 'medium', 'high', 'xhigh', 'max', 'ultracode'], true, false],
        ['zai-org/glm-5.3', 'GLM-5.2', ['high', 'max'], false, false],
        ['zai-org/glm-5.3-flash', 'GLM-5.3 Flash', [], false, false],
        ['deepseek-ai/deepseek-v4-flash-0731', 'DeepSeek V4 Flash', [], false, false],
    ])('lists %s as %s with its efforts, 1M context %s, fast mode %s', (model, label, efforts, oneMillion, fast) => {
        expect(BUNDLED_MODELS.find((choice) => choice.model === model)).toEqual({
            runtimeAdapter: 'claude',
            model,
            displayName: label,
            supportedEfforts: efforts,
        })
        expect(ONE_MILLION_CONTEXT_MODELS.has(model)).toBe(oneMillion)
        expect(FAST_MODE_MODELS.has(model)).toBe(fast)
    })

    it('has each model once', () => {
        expect(new Set(BUNDLED_MODELS.map((choice) => choice.model)).size).toBe(BUNDLED_MODELS.length)
    })
})
