import { startTransition, useEffect, useState } from 'react'

import { fetchLauncherConfig, type LauncherConfig } from './launcherConfig.ts'

/**
 * The deployment's config, asked for once `wanted` turns true (the browser is idle after the first paint, or the user
 * asked to connect or to start a run) and never again. Nothing on screen waits for it.
 */
export function useLauncherConfig(wanted: boolean): LauncherConfig | undefined {
    const [config, setConfig] = useState<LauncherConfig | undefined>()
    // The effect depends on `wanted` alone: a click while the idle-time request is on its way must not cancel it.
    useEffect(() => {
        if (!wanted) return undefined
        const controller = new AbortController()
        void fetchLauncherConfig(controller.signal).then((loaded) => {
            // A request cancelled by unmounting is not an answer: taking its fallback would drop the server's config.
            if (controller.signal.aborted) return
            // A transition: mounting the launcher yields to the user's keystrokes instead of blocking them.
            startTransition(() => {
                setConfig(loaded)
            })
        })
        return () => {
            controller.abort()
        }
    }, [wanted])
    return config
}
