import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }

const REASONING_EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max', 'ultracode']
const CONTEXT_WINDOWS = ['200k', '1m']
const MCP_TRANSPORTS = ['http', 'sse']
const MODEL_ACCESS = ['posthog-gateway', 'own-subscription']
const RUN_SOURCES = ['manual', 'signal_report', 'agent']

// drf-spectacular's "* `value` - label" lines for a choice field
function describeChoices(values: readonly string[]): string {
    return values.map((value) => `* \`${value}\` - ${value}`).join('\n')
}

// The bundled document plus the fields of a newer PostHog, as drf-spectacular would emit them.
export function buildExtendedSchemaDocument() {
    const schemas = bundledSchemaDocument.components.schemas
    const claude = schemas.ClaudeTaskRunCreateSchema
    const properties = claude.properties
    const extended = {
        ...bundledSchemaDocument,
        components: {
            ...bundledSchemaDocument.components,
            schemas: {
                ...schemas,
                ClaudeTaskRunCreateSchema: {
                    ...claude,
                    // serializer declaration order, as drf-spectacular keeps it
                    properties: {
                        mode: properties.mode,
                        branch: properties.branch,
                        resume_from_run_id: properties.resume_from_run_id,
                        pending_user_message: properties.pending_user_message,
                        pending_user_artifact_ids: properties.pending_user_artifact_ids,
                        sandbox_environment_id: properties.sandbox_environment_id,
                        custom_image_id: {
                            type: 'string',
                            format: 'uuid',
                            description:
                                'Optional custom sandbox image to boot for this run (Modal VM runtime only). Inherited on resume.',
                        },
                        pr_authorship_mode: properties.pr_authorship_mode,
                        auto_publish: {
                            type: 'boolean',
                            nullable: true,
                            description:
                                'When true, the agent pushes its branch and opens a draft pull request when it finishes.',
                        },
                        run_source: {
                            ...properties.run_source,
                            description: `High-level source that triggered this run.\n\n${describeChoices(RUN_SOURCES)}`,
                        },
                        signal_report_id: properties.signal_report_id,
                        runtime_adapter: properties.runtime_adapter,
                        model: properties.model,
                        reasoning_effort: {
                            ...properties.reasoning_effort,
                            description: `Reasoning effort to request for models that expose an effort control.\n\n${describeChoices(REASONING_EFFORTS)}`,
                        },
                        context_window: {
                            allOf: [{ $ref: '#/components/schemas/ContextWindowEnum' }],
                            description: `Context window to request for models that offer more than one.\n\n${describeChoices(CONTEXT_WINDOWS)}`,
                        },
                        fast_mode: {
                            type: 'boolean',
                            nullable: true,
                            description: 'Request the faster, higher-cost serving mode for models that support it.',
                        },
                        github_user_token: properties.github_user_token,
                        initial_permission_mode: properties.initial_permission_mode,
                        imported_mcp_servers: {
                            type: 'array',
                            nullable: true,
                            maxItems: 20,
                            items: { $ref: '#/components/schemas/ImportedMcpServer' },
                            description:
                                'Remote MCP servers the agent may use in this run. Header values are treated as credentials: stored encrypted and never returned by the API.',
                        },
                        relayed_mcp_servers: {
                            type: 'array',
                            nullable: true,
                            maxItems: 20,
                            items: { $ref: '#/components/schemas/RelayedMcpServer' },
                            description: 'MCP servers PostHog Desktop relays from the computer it runs on, by name.',
                        },
                        claude_model_access: {
                            allOf: [{ $ref: '#/components/schemas/ClaudeModelAccessEnum' }],
                            nullable: true,
                            description: `How the run pays for Claude.\n\n${describeChoices(MODEL_ACCESS)}`,
                        },
                        benjamin_enabled: {
                            type: 'boolean',
                            nullable: true,
                            description:
                                'Add the Benjamin-Plus token-efficiency instruction. Null lets PostHog decide.',
                        },
                        rtk_enabled: {
                            type: 'boolean',
                            nullable: true,
                            description:
                                'Whether to compress tool output with RTK. Null follows the server default (on); false opts this run out.',
                        },
                    },
                },
                ReasoningEffortEnum: {
                    ...schemas.ReasoningEffortEnum,
                    enum: REASONING_EFFORTS,
                    description: describeChoices(REASONING_EFFORTS),
                },
                ImportedMcpServer: {
                    type: 'object',
                    properties: {
                        type: {
                            allOf: [{ $ref: '#/components/schemas/McpTransportEnum' }],
                            description: `Transport of the server.\n\n${describeChoices(MCP_TRANSPORTS)}`,
                        },
                        name: { type: 'string', maxLength: 64, description: 'Name the agent knows the server by.' },
                        url: { type: 'string', format: 'uri', maxLength: 2048, description: 'Address of the server.' },
                        headers: {
                            type: 'array',
                            items: { $ref: '#/components/schemas/McpHeader' },
                            description: 'HTTP headers sent to the server, such as Authorization.',
                        },
                    },
                    required: ['type', 'name', 'url'],
                },
                RelayedMcpServer: {
                    type: 'object',
                    properties: { name: { type: 'string', maxLength: 64 } },
                    required: ['name'],
                },
                ClaudeModelAccessEnum: {
                    enum: MODEL_ACCESS,
                    type: 'string',
                    description: describeChoices(MODEL_ACCESS),
                },
                RunSourceEnum: { enum: RUN_SOURCES, type: 'string', description: describeChoices(RUN_SOURCES) },
                McpHeader: {
                    type: 'object',
                    properties: {
                        name: { type: 'string', maxLength: 256 },
                        value: { type: 'string', maxLength: 4096 },
                    },
                    required: ['name', 'value'],
                },
                McpTransportEnum: {
                    enum: MCP_TRANSPORTS,
                    type: 'string',
                    description: describeChoices(MCP_TRANSPORTS),
                },
                ContextWindowEnum: {
                    enum: CONTEXT_WINDOWS,
                    type: 'string',
                    description: describeChoices(CONTEXT_WINDOWS),
                },
            },
        },
    }
    // nothing shared with the imported module, so callers may mutate the copy
    return structuredClone(extended)
}
