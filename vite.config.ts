import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

import { bundledFieldModelPlugin } from './scripts/bundledFieldModelPlugin.ts'
import { precompressAssets } from './scripts/precompressAssets.ts'

export default defineConfig({
    plugins: [react(), bundledFieldModelPlugin(), precompressAssets()],
    server: { host: '127.0.0.1', port: 5173, strictPort: true },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    // no public source maps: nothing uploads them to an error tracker, so they would only publish the source
    build: { target: 'es2022', sourcemap: false },
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
