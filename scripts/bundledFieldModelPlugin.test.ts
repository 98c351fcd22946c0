import { describe, expect, it } from 'vitest'

import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }
import { compileSchema } from '../src/schema/compileSchema.ts'
import { RUN_SCHEMA_NAME } from '../src/schema/runSchemaName.ts'
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
    it('inlines the compiler’s output for the bundled schema in a build', () => {
        const compiled = compileSchema(bundledSchemaDocument, RUN_SCHEMA_NAME)
        expect(compiled.ok).toBe(true)
        if (!compiled.ok) return
        const code = loadVirtualModule('build')
        const prefix = 'export const fields = '
        expect(code.startsWith(prefix)).toBe(true)
        expect(JSON.parse(code.slice(prefix.length))).toEqual(compiled.model.fields)
    })

    it('compiles in the page on the dev server, so compiler edits show up at once', () => {
        expect(loadVirtualModule('serve')).toContain("from '/src/schema/compileBundledFields.ts'")
    })
})
