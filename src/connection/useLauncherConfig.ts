import { startTransition, useEffect, useState } from 'react'

import { whenIdle } from '../lib/useIdleAfterMount.ts'
import { fetchLauncherConfig, type LauncherConfig } from './launcherConfig.ts'

/**
 * The deployment's config, asked for once the browser is idle after the first paint, or at once when `now` (the
 * user asked to connect or to start a run). Nothing on screen waits for it.
 */
export function useLauncherConfig(now: boolean): LauncherConfig | undefined {
    const [config, setConfig] = useState<LauncherConfig | undefined>()
    const loaded = config !== undefined
    useEffect(() => {
        if (loaded) return undefined
        const controller = new AbortController()
        const load = () => {
            void fetchLauncherConfig(controller.signal).then((loaded) => {
                // A transition: mounting the launcher yields to the user's keystrokes instead of blocking them.
                startTransition(() => {
                    setConfig(loaded)
                })
            })
        }
        let cancel: () => void = () => undefined
        if (now) load()
        else cancel = whenIdle(load)
        return () => {
            cancel()
            controller.abort()
        }
    }, [now, loaded])
    return config
}
