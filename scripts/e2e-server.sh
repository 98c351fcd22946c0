#!/usr/bin/env bash
# Starts the production server the way playwright.config.ts does, for developers who keep one running between spec runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=5174 HOST=127.0.0.1
export ALLOWED_POSTHOG_HOSTS='http://127.0.0.1:*,https://us.posthog.com,https://eu.posthog.com'
export ALLOWED_UPLOAD_ORIGINS='http://127.0.0.1:*'
export EMBED_ALLOWED_ORIGINS='http://127.0.0.1:5302'
export PROXY_RATE_LIMIT_PER_MINUTE=600
node scripts/ensure-setup.mjs --build
exec node dist-server/main.js
