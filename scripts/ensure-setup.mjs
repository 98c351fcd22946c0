// Lets `npm start` and `npm test` work on a fresh clone: installs dependencies (and Chromium for tests) when missing,
// and with --build builds the app (vite) and compiles the server (tsc) when their sources are newer.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'

const installed = 'node_modules/.package-lock.json'
const stale = !existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs
if (stale) {
    console.log('Installing dependencies (npm ci)…')
    // the build uses vite and tsc, so NODE_ENV=production must not drop devDependencies; the server itself needs none
    execSync('npm ci --include=dev --no-audit --no-fund', { stdio: 'inherit' })
}
if (process.argv.includes('--browser')) {
    execSync('bash scripts/setup-machine.sh', { stdio: 'inherit' })
}
if (process.argv.includes('--build')) {
    buildWhenStale()
}

// The same inputs as server/isBuildStale.ts (BUILD_INPUTS) for the app; the server's sources for dist-server.
function buildWhenStale() {
    const buildOnStart = (process.env.BUILD_ON_START ?? '').trim().toLowerCase()
    // never: serve what is there; any other unknown value is reported by the server with the other settings
    if (buildOnStart === 'never' || !['', 'auto'].includes(buildOnStart)) {
        return
    }
    const distSetting = (process.env.DIST_DIR ?? '').trim()
    const distDir = distSetting === '' ? resolve('dist') : isAbsolute(distSetting) ? distSetting : resolve(distSetting)
    if (isStale(join(distDir, 'index.html'), ['src', 'public', 'index.html', 'vite.config.ts'])) {
        console.log(`Building the app into ${distDir} (vite build)…`)
        run('npx', ['vite', 'build', '--outDir', distDir], 'the app build failed')
    }
    if (isStale('dist-server/main.js', ['server', 'tsconfig.server.json', 'tsconfig.base.json'])) {
        console.log('Compiling the server into dist-server (tsc)…')
        rmSync('dist-server', { recursive: true, force: true })
        run('npx', ['tsc', '-p', 'tsconfig.server.json'], 'the server did not compile')
    }
}

function run(command, args, failure) {
    const result = spawnSync(command, args, { stdio: 'inherit' })
    if (result.status !== 0) {
        console.error(`Run Launcher cannot start: ${failure} (see above).`)
        process.exit(1)
    }
}

function isStale(output, inputs) {
    if (!existsSync(output)) {
        return true
    }
    const built = statSync(output).mtimeMs
    return inputs.some((input) => newestModification(input) > built)
}

function newestModification(path) {
    if (!existsSync(path)) {
        return Number.NEGATIVE_INFINITY
    }
    const stats = statSync(path)
    if (!stats.isDirectory()) {
        return stats.mtimeMs
    }
    return readdirSync(path).reduce(
        (newest, entry) => Math.max(newest, newestModification(join(path, entry))),
        stats.mtimeMs
    )
}
