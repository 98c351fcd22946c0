import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

import { bundledFieldModelPlugin } from './scripts/bundledFieldModelPlugin.ts'
import { precompressAssets } from './scripts/precompressAssets.ts'

export default defineConfig({
    plugins: [react(), bundledFieldModelPlugin(), precompressAssets()],
    server: { host: '127.0.0.1', port: 5173, strictPort: true },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    build: {
        target: 'es2022',
        // no public source maps: nothing uploads them to an error tracker, so they would only publish the source
        sourcemap: false,
        // Current browsers know modulepreload (Safari since 17, Firefox since 115). The polyfill's observer would watch
        // every node the first render adds; without it an older browser fetches a lazy chunk when it is needed.
        modulePreload: { polyfill: false },
    },
    test: {
        projects: [
            {
                extends: true,
                test: {
                    name: 'unit',
                    environment: 'node',
                    include: [
                        'src/**/*.test.ts',
                        'server/**/*.test.ts',
                        'fake-posthog/**/*.test.ts',
                        'bench/**/*.test.ts',
                        'scripts/**/*.test.ts',
                    ],
                },
            },
            {
                extends: true,
                test: {
                    name: 'components',
                    environment: 'jsdom',
                    include: ['src/**/*.test.tsx'],
                    setupFiles: ['./src/testSetup.ts'],
                },
            },
        ],
    },
})
