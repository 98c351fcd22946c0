import type { Plugin } from 'vite'

import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }
import { compileSchema } from '../src/schema/compileSchema.ts'
import { RUN_SCHEMA_NAME } from '../src/schema/runSchemaName.ts'

export const BUNDLED_FIELD_MODEL_MODULE = 'virtual:bundled-field-model'
const RESOLVED_ID = `\0${BUNDLED_FIELD_MODEL_MODULE}`

/** The bundled schema's fields as JSON; a problem in the bundled schema is a build error, not something users see. */
export function compileBundledFields(): string {
    const result = compileSchema(bundledSchemaDocument, RUN_SCHEMA_NAME)
    if (!result.ok || result.problems.length > 0) {
        throw new Error(`The bundled run schema does not compile: ${JSON.stringify(result.problems)}`)
    }
    return JSON.stringify(result.model.fields)
}

/**
 * Provides the bundled schema's fields. A build compiles them here, once, so the page starts with them; the dev
 * server and tests compile them in the page instead, so edits to the compiler or the schema show up at once.
 */
export function bundledFieldModelPlugin(): Plugin {
    let command: 'build' | 'serve' = 'serve'
    return {
        name: 'run-launcher:bundled-field-model',
        configResolved(config) {
            command = config.command
        },
        resolveId(id) {
            return id === BUNDLED_FIELD_MODEL_MODULE ? RESOLVED_ID : undefined
        },
        load(id) {
            if (id !== RESOLVED_ID) return undefined
            if (command === 'build') return `export const fields = ${compileBundledFields()}`
            return [
                "import document from '/src/contract/bundledSchemaDocument.json'",
                "import { compileSchema } from '/src/schema/compileSchema.ts'",
                "import { RUN_SCHEMA_NAME } from '/src/schema/runSchemaName.ts'",
                'const result = compileSchema(document, RUN_SCHEMA_NAME)',
                'if (!result.ok || result.problems.length > 0) {',
                '    throw new Error(`The bundled run schema does not compile: ${JSON.stringify(result.problems)}`)',
                '}',
                'export const fields = result.model.fields',
            ].join('\n')
        },
    }
}
