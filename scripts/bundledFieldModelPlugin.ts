import type { Plugin } from 'vite'

import { bundledSchemaFingerprint, compileBundledFields } from '../src/schema/compileBundledFields.ts'

export const BUNDLED_FIELD_MODEL_MODULE = 'virtual:bundled-field-model'
const RESOLVED_ID = `\0${BUNDLED_FIELD_MODEL_MODULE}`

/**
 * Provides the bundled schema's fields and fingerprint. A build compiles them here, once, so the page starts with them (and a problem
 * in the bundled schema fails the build); the dev server and tests compile them in the page instead, so edits to the
 * compiler or the schema show up at once.
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
            if (command === 'build') {
                return [
                    `export const fields = ${JSON.stringify(compileBundledFields())}`,
                    `export const fingerprint = ${JSON.stringify(bundledSchemaFingerprint())}`,
                ].join('\n')
            }
            return [
                "import { bundledSchemaFingerprint, compileBundledFields } from '/src/schema/compileBundledFields.ts'",
                'export const fields = compileBundledFields()',
                'export const fingerprint = bundledSchemaFingerprint()',
            ].join('\n')
        },
    }
}
