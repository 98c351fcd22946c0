import { defineConfig, devices } from '@playwright/test'

import { chromiumLaunchOptions } from './e2e/chromium.ts'
import { APP_ORIGIN, APP_PORT, HOST_PAGE_ORIGIN } from './e2e/ports.ts'

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
    // The production server as npm start runs it (compiled, plain node), under the real CSP; it builds when stale.
    webServer: [
        {
            command: 'node scripts/ensure-setup.mjs --build && node dist-server/main.js',
            url: `${APP_ORIGIN}/healthz`,
            reuseExistingServer: !process.env['CI'],
            timeout: 180_000,
            env: {
                PORT: String(APP_PORT),
                HOST: '127.0.0.1',
                ALLOWED_POSTHOG_HOSTS: 'http://127.0.0.1:*,https://us.posthog.com,https://eu.posthog.com',
                ALLOWED_UPLOAD_ORIGINS: 'http://127.0.0.1:*',
                EMBED_ALLOWED_ORIGINS: HOST_PAGE_ORIGIN,
                PROXY_RATE_LIMIT_PER_MINUTE: '600',
            },
        },
    ],
})
