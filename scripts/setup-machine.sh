#!/usr/bin/env bash
# Installs the system packages the browser tests need (Debian's Chromium), when they are missing.
set -euo pipefail

if [ -x /usr/bin/chromium ] || [ -n "${PLAYWRIGHT_BROWSERS_PATH:-}" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "No /usr/bin/chromium and no apt-get: install Chromium, or run 'npx playwright install chromium'." >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
echo "Installed $(/usr/bin/chromium --version)"
