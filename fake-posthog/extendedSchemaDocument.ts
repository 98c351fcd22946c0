import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }

// The app's bundled document is PostHog's run schema as it is today: one source for the app and this fake.
export function buildExtendedSchemaDocument() {
    // nothing shared with the imported module, so callers may mutate the copy
    return structuredClone(bundledSchemaDocument)
}

// A PostHog newer than the app: today's run schema plus two plain fields the bundled document lacks.
export function buildNewerSchemaDocument() {
    const document = buildExtendedSchemaDocument()
    const schema = document.components.schemas.ClaudeTaskRunCreateSchema
    schema.properties = {
        ...schema.properties,
        ...{
            auto_merge: {
                type: 'boolean',
                nullable: true,
                description: 'Merge the pull request once its checks pass. Null lets PostHog decide.',
            },
            pr_title_prefix: { type: 'string', maxLength: 20, description: 'Put in front of the pull request title.' },
        },
    }
    return document
}
