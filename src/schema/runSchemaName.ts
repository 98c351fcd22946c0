/** The component of PostHog's OpenAPI document that describes a run request. */
export const RUN_SCHEMA_NAME = 'ClaudeTaskRunCreateSchema'
