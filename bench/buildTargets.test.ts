import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { REPO_ROOT, toModuleName, toPackageName } from './buildTargets.ts'

describe('module names', () => {
    it.each([
        [join(REPO_ROOT, 'node_modules/zod/v4/core/schemas.js'), 'zod/v4/core/schemas.js'],
        [join(REPO_ROOT, 'src/form/RunForm.tsx'), 'src/form/RunForm.tsx'],
        ['\0vite/modulepreload-polyfill.js', 'vite/modulepreload-polyfill.js'],
        [join(REPO_ROOT, 'src/styles.css?used'), 'src/styles.css'],
    ])('%s → %s', (id, name) => {
        expect(toModuleName(id)).toBe(name)
    })

    it.each([
        ['react-dom/cjs/react-dom-client.production.js', 'react-dom'],
        ['@tanstack/query-core/build/modern/query.js', '@tanstack/query-core'],
        ['src/form/RunForm.tsx', 'src/form/'],
        ['src/App.tsx', 'src/App.tsx'],
        ['commonjsHelpers.js', 'commonjsHelpers.js'],
    ])('%s belongs to %s', (name, group) => {
        expect(toPackageName(name)).toBe(group)
    })
})
