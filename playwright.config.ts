import { defineConfig, devices } from '@playwright/test'

import { chromiumLaunchOptions } from './e2e/chromium.ts'
import { APP_ORIGIN, APP_PORT } from './e2e/ports.ts'

export default defineConfig({
    testDir: './e2e',
    fullyParallel: true,
    forbidOnly: !!process.env['CI'],
    retries: process.env['CI'] ? 1 : 0,
    workers: 2,
    reporter: process.env['CI'] ? [['list']] : [['list']],
    timeout: 30_000,
    expect: { timeout: 7_000 },
    use: {
        baseURL: APP_ORIGIN,
        trace: 'retain-on-failure',
        launchOptions: chromiumLaunchOptions,
    },
    projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions } }],
    webServer: [
        {
            command: `npx vite --port ${APP_PORT} --strictPort --host 127.0.0.1`,
            url: APP_ORIGIN,
            reuseExistingServer: !process.env['CI'],
            timeout: 60_000,
        },
    ],
})
