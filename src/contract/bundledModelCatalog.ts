/** One model the run endpoint accepts, with the reasoning efforts PostHog allows for it (ascending). */
export interface ModelChoice {
    runtimeAdapter: string
    model: string
    displayName: string
    supportedEfforts: readonly string[]
}

// PostHog's Claude model → effort table as last read (followup §7 adds fable-5-1, GLM-5.3, GLM-5.3 Flash and DeepSeek
// V4 Flash); GET tasks/models/ replaces it when the server has one.
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
        model: 'claude-fable-5-1',
        displayName: 'Claude Fable 5.1',
        // the efforts of claude-fable-5, which it succeeds (the contract lists no table row for it)
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
    // PostHog's own label for GLM-5.3 is "GLM-5.2"; its efforts are those of the GLM it replaces
    { runtimeAdapter: 'claude', model: 'zai-org/glm-5.3', displayName: 'GLM-5.2', supportedEfforts: ['high', 'max'] },
    // no effort table row is known for these two: sending no effort is the one choice PostHog accepts for sure
    { runtimeAdapter: 'claude', model: 'zai-org/glm-5.3-flash', displayName: 'GLM-5.3 Flash', supportedEfforts: [] },
    {
        runtimeAdapter: 'claude',
        model: 'deepseek-ai/deepseek-v4-flash-0731',
        displayName: 'DeepSeek V4 Flash',
        supportedEfforts: [],
    },
    { runtimeAdapter: 'claude', model: 'moonshotai/kimi-k3', displayName: 'Kimi K3', supportedEfforts: [] },
]
