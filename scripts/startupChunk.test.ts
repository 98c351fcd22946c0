import { describe, expect, it } from 'vitest'

import { COMPILE_HINT, compileHintFor, isStartupModule, STARTUP_CHUNK, startupChunkOutput } from './startupChunk.ts'

describe('startupChunk', () => {
    it('puts React, its scheduler and react-hook-form in the startup chunk', () => {
        for (const id of [
            '/repo/node_modules/react/cjs/react.production.js',
            '/repo/node_modules/react-dom/cjs/react-dom-client.production.js',
            '/repo/node_modules/scheduler/cjs/scheduler.production.js',
            '/repo/node_modules/react-hook-form/dist/index.esm.mjs',
            'C:\\repo\\node_modules\\react-dom\\client.js',
        ]) {
            expect(isStartupModule(id), id).toBe(true)
        }
    })

    it('leaves out what runs only in part at startup, and look-alike packages', () => {
        for (const id of [
            '/repo/node_modules/zod/v4/mini/schemas.js',
            '/repo/node_modules/@tanstack/react-query/build/modern/index.js',
            '/repo/node_modules/@hookform/resolvers/standard-schema/dist/standard-schema.mjs',
            '/repo/node_modules/react-dom-extras/index.js',
            '/repo/src/form/RunForm.tsx',
        ]) {
            expect(isStartupModule(id), id).toBe(false)
        }
    })

    it('puts the compile hint above the startup chunk only', () => {
        expect(compileHintFor({ name: STARTUP_CHUNK })).toBe(COMPILE_HINT)
        expect(compileHintFor({ name: 'index' })).toBe('')
        expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad')
    })

    it('gives Rolldown one group and the banner that goes on after minification', () => {
        const output = startupChunkOutput()
        expect(output.codeSplitting.groups).toEqual([{ name: STARTUP_CHUNK, test: isStartupModule }])
        expect(output.postBanner).toBe(compileHintFor)
    })
})
