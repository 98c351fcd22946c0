// Lets `npm start` and `npm test` work on a fresh clone: installs dependencies (and Chromium for tests) when missing.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const installed = 'node_modules/.package-lock.json'
const stale = !existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs
if (stale) {
    console.log('Installing dependencies (npm ci)…')
    execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' })
}
if (process.argv.includes('--browser')) {
    execSync('bash scripts/setup-machine.sh', { stdio: 'inherit' })
}
