// Fixed loopback ports for the e2e servers; the app and the fake PostHog differ so every API call is cross-origin.
// E2E_APP_PORT and E2E_HOST_PAGE_PORT let a second checkout run the suite beside a developer's servers.
export const APP_PORT = Number(process.env['E2E_APP_PORT'] ?? 5174)
export const FAKE_POSTHOG_PORT = 5301
export const HOST_PAGE_PORT = Number(process.env['E2E_HOST_PAGE_PORT'] ?? 5302)

export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`
export const FAKE_POSTHOG_ORIGIN = `http://127.0.0.1:${FAKE_POSTHOG_PORT}`
export const HOST_PAGE_ORIGIN = `http://127.0.0.1:${HOST_PAGE_PORT}`
