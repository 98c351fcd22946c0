export interface OptionCopy {
    label?: string
    description: string
}

// Human copy for enum values the schema only names; keyed by property, then value. Unknown values fall back to the schema.
export const OPTION_COPY: ReadonlyMap<string, ReadonlyMap<string, OptionCopy>> = new Map([
    [
        'mode',
        new Map([
            ['interactive', { description: 'You stay connected and can steer the agent while it works.' }],
            ['background', { description: 'The agent works on its own and reports back when it is done.' }],
        ]),
    ],
    [
        'pr_authorship_mode',
        new Map([
            [
                'user',
                { label: 'You', description: 'Pull requests are opened as you, with your linked GitHub account.' },
            ],
            ['bot', { label: 'PostHog bot', description: "Pull requests are opened by PostHog's GitHub app." }],
        ]),
    ],
    [
        'run_source',
        new Map([
            ['manual', { description: 'Started by a person, from a launcher like this one.' }],
            [
                'signal_report',
                {
                    label: 'Signal report',
                    description: 'Started from an Inbox signal report; PRs are opened by the bot.',
                },
            ],
        ]),
    ],
    ['runtime_adapter', new Map([['claude', { label: 'Claude', description: 'The Claude Code agent runtime.' }]])],
    [
        'reasoning_effort',
        new Map([
            ['low', { description: 'Quickest answers, for small, clear changes.' }],
            ['medium', { description: 'A balance of speed and care.' }],
            ['high', { description: 'Thinks harder before acting; good for most coding tasks.' }],
            ['xhigh', { label: 'Extra high', description: 'Even more thinking, for tricky changes; slower.' }],
            ['max', { label: 'Maximum', description: 'As much thinking as the model allows.' }],
            ['ultracode', { label: 'Ultracode', description: 'Longest, most thorough runs for large code changes.' }],
        ]),
    ],
    [
        'initial_permission_mode',
        new Map([
            ['default', { description: 'Asks before running commands or editing files.' }],
            ['acceptEdits', { description: 'Edits files without asking; still asks before running commands.' }],
            ['plan', { description: 'Proposes a plan and waits for approval before changing anything.' }],
            ['bypassPermissions', { description: 'Runs every command and edit without asking. Use with care.' }],
            ['auto', { description: 'Decides for itself when to ask.' }],
        ]),
    ],
    [
        'context_window',
        new Map([
            ['200k', { label: '200K tokens', description: 'The standard context window.' }],
            ['1m', { label: '1M tokens', description: 'A larger context window for big codebases; costs more.' }],
        ]),
    ],
    [
        'claude_model_access',
        new Map([
            [
                'posthog-gateway',
                { label: 'PostHog gateway', description: 'The run reaches Claude through PostHog’s own gateway.' },
            ],
            [
                'own-subscription',
                { label: 'Your Claude subscription', description: 'The run signs in with your own Claude plan.' },
            ],
        ]),
    ],
])
