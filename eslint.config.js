import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// One-way imports between the folders of src (see README "How it is built"). Lower layers first, then one folder per
// feature, then app/, the composition root, which nothing imports.
const LOWER = ['./schema', './contract', './lib']
const boundaries = [
    { target: './src/lib', from: './src', except: ['./lib'], message: 'lib/ is a leaf of small utilities.' },
    { target: './src/contract', from: './src', except: ['./contract'], message: 'contract/ is a leaf.' },
    { target: './src/schema', from: './src', except: ['./schema', './contract'], message: 'schema/ is pure.' },
    { target: './src/api', from: './src', except: ['./api', ...LOWER] },
    { target: './src/form', from: './src', except: ['./form', ...LOWER], message: 'form/ takes data as props.' },
    { target: './src/ui', from: './src', except: ['./ui', './lib'], message: 'ui/ holds plain presentational parts.' },
    { target: './src/links', from: './src', except: ['./links', './ui', ...LOWER] },
    { target: './src/drafts', from: './src', except: ['./drafts', './links', './form', './api', './ui', ...LOWER] },
    { target: './src/embed', from: './src', except: ['./embed', './links', './form', './api', './ui', ...LOWER] },
    {
        target: './src/liveSchema',
        from: './src',
        except: ['./liveSchema', './links', './form', './api', './ui', ...LOWER],
    },
    { target: './src/connection', from: './src', except: ['./connection', './api', './ui', ...LOWER] },
    { target: './src/activity', from: './src', except: ['./activity', './api', './ui', ...LOWER] },
    {
        target: './src/results',
        from: './src',
        except: ['./results', './activity', './form', './api', './ui', ...LOWER],
    },
    { target: './src/attachments', from: './src', except: ['./attachments', './api', './ui', ...LOWER] },
    { target: './src/pickers', from: './src', except: ['./pickers', './results', './form', './api', ...LOWER] },
    {
        target: './src/app',
        from: './src',
        except: [
            './app',
            './ui',
            './links',
            './drafts',
            './embed',
            './liveSchema',
            './connection',
            './results',
            './activity',
            './attachments',
            './pickers',
            './form',
            './api',
            ...LOWER,
        ],
        message: 'app/ composes the feature folders; nothing imports it but main.tsx.',
    },
]

export default tseslint.config(
    { ignores: ['dist', 'dist-*', 'node_modules', 'playwright-report', 'test-results', 'bench-results', 'coverage'] },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    ...tseslint.configs.stylisticTypeChecked,
    ...pluginQuery.configs['flat/recommended'],
    {
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
            globals: { ...globals.browser, ...globals.node },
        },
        plugins: { 'react-hooks': reactHooks, 'import-x': importX },
        settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
        rules: {
            ...reactHooks.configs.recommended.rules,
            'no-console': 'error',
            'import-x/no-restricted-paths': ['error', { zones: boundaries }],
            'import-x/no-default-export': 'error',
            '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
            '@typescript-eslint/consistent-type-definitions': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        },
    },
    {
        files: ['*.config.ts', '*.config.js'],
        rules: { 'import-x/no-default-export': 'off' },
    },
    {
        // expect.any() and friends are typed any by design.
        files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**'],
        rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
    },
    {
        files: ['**/*.js', '**/*.mjs'],
        ...tseslint.configs.disableTypeChecked,
    },
    {
        files: ['scripts/**', 'server/**', 'fake-posthog/**', 'e2e/**', 'bench/**'],
        // Node code: Playwright's fixture `use` is not a React hook.
        rules: { 'no-console': 'off', 'react-hooks/rules-of-hooks': 'off' },
    }
)
