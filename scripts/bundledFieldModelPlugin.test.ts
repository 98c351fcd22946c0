import { describe, expect, it } from 'vitest'

import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }
import { compileSchema } from '../src/schema/compileSchema.ts'
import { keepSchemaWithReferences } from '../src/schema/keepSchemaWithReferences.ts'
import { RUN_SCHEMA_NAME } from '../src/schema/runSchemaName.ts'
import { schemaFingerprint } from '../src/schema/schemaFingerprint.ts'
import { BUNDLED_FIELD_MODEL_MODULE, bundledFieldModelPlugin } from './bundledFieldModelPlugin.ts'

type Hook<Args extends unknown[], Result> = (...args: Args) => Result

/** The virtual module's code, as Vite would load it for `command`. */
function loadVirtualModule(command: 'build' | 'serve'): string {
    const plugin = bundledFieldModelPlugin()
    ;(plugin.configResolved as Hook<[{ command: string }], void>)({ command })
    const id = (plugin.resolveId as Hook<[string], string>)(BUNDLED_FIELD_MODEL_MODULE)
    return (plugin.load as Hook<[string], string>)(id)
}

describe('bundledFieldModelPlugin', () => {
    it('inlines the compiler’s output and the fingerprint for the bundled schema in a build', () => {
        const compiled = compileSchema(bundledSchemaDocument, RUN_SCHEMA_NAME)
        expect(compiled.ok).toBe(true)
        if (!compiled.ok) return
        const [fieldsLine = '', fingerprintLine = '', ...rest] = loadVirtualModule('build').split('\n')
        const prefix = 'export const fields = '
        expect(fieldsLine.startsWith(prefix)).toBe(true)
        expect(JSON.parse(fieldsLine.slice(prefix.length))).toEqual(compiled.model.fields)
        // taken as a live document is kept: the run schema and what it refers to
        const kept = keepSchemaWithReferences(structuredClone(bundledSchemaDocument), RUN_SCHEMA_NAME)
        expect(fingerprintLine).toBe(`export const fingerprint = ${JSON.stringify(schemaFingerprint(kept))}`)
        expect(rest).toEqual([])
    })

    it('compiles in the page on the dev server, so compiler edits show up at once', () => {
        const code = loadVirtualModule('serve')
        expect(code).toContain("from '/src/schema/compileBundledFields.ts'")
        expect(code).toContain('export const fingerprint = bundledSchemaFingerprint()')
    })
})
