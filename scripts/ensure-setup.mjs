// Lets `npm start` and `npm test` work on a fresh clone: installs dependencies (and Chromium for tests) when missing.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const installed = 'node_modules/.package-lock.json'
const stale = !existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs
if (stale) {
    console.log('Installing dependencies (npm ci)…')
    // the server runs with tsx and builds with vite, so NODE_ENV=production must not drop devDependencies
    execSync('npm ci --include=dev --no-audit --no-fund', { stdio: 'inherit' })
}
if (process.argv.includes('--browser')) {
    execSync('bash scripts/setup-machine.sh', { stdio: 'inherit' })
}
