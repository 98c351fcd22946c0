/** One model the run endpoint accepts, with the reasoning efforts PostHog allows for it (ascending). */
export interface ModelChoice {
    runtimeAdapter: string
    model: string
    displayName: string
    supportedEfforts: readonly string[]
}

// PostHog's Claude model → effort table as last read; GET tasks/models/ replaces it when the server has one.
export const BUNDLED_MODELS: readonly ModelChoice[] = [
    {
        runtimeAdapter: 'claude',
        model: 'claude-sonnet-5',
        displayName: 'Claude Sonnet 5',
        supportedEfforts: ['low', 'medium', 'high', 'xhigh', 'max', 'ultracode'],
    },
    {
        runtimeAdapter: 'claude',
        model: 'claude-opus-5',
        displayName: 'Claude Opus 5',
        supportedEfforts: ['low', 'medium', 'high', 'xhigh', 'max', 'ultracode'],
    },
    {
        runtimeAdapter: 'claude',
        model: 'claude-fable-5',
        displayName: 'Claude Fable 5',
        supportedEfforts: ['low', 'medium', 'high', 'xhigh', 'max', 'ultracode'],
    },
    {
        runtimeAdapter: 'claude',
        model: 'claude-opus-4-8',
        displayName: 'Claude Opus 4.8',
        supportedEfforts: ['low', 'medium', 'high', 'xhigh', 'max', 'ultracode'],
    },
    {
        runtimeAdapter: 'claude',
        model: 'claude-opus-4-7',
        displayName: 'Claude Opus 4.7',
        supportedEfforts: ['low', 'medium', 'high', 'xhigh', 'max', 'ultracode'],
    },
    {
        runtimeAdapter: 'claude',
        model: 'claude-opus-4-6',
        displayName: 'Claude Opus 4.6',
        supportedEfforts: ['low', 'medium', 'high', 'xhigh', 'max'],
    },
    {
        runtimeAdapter: 'claude',
        model: 'claude-opus-4-5',
        displayName: 'Claude Opus 4.5',
        supportedEfforts: ['low', 'medium', 'high'],
    },
    {
        runtimeAdapter: 'claude',
        model: 'claude-sonnet-4-6',
        displayName: 'Claude Sonnet 4.6',
        supportedEfforts: ['low', 'medium', 'high'],
    },
    {
        runtimeAdapter: 'claude',
        model: '@cf/zai-org/glm-5.2',
        displayName: 'GLM 5.2',
        supportedEfforts: ['high', 'max'],
    },
    { runtimeAdapter: 'claude', model: 'moonshotai/kimi-k3', displayName: 'Kimi K3', supportedEfforts: [] },
]

export const DEFAULT_MODEL = 'claude-sonnet-5'
