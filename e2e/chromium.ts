import { existsSync } from 'node:fs'

// Debian's Chromium where Playwright cannot download its own browser; Playwright's own build elsewhere.
const DEBIAN_CHROMIUM = '/usr/bin/chromium'

export const chromiumLaunchOptions = {
    ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
    args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
    ],
}
