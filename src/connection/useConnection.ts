import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'

import type { ApiError } from '../api/ApiError.ts'
import type { ConnectionInfo } from '../api/checkConnection.ts'
import { connectionQueryOptions } from '../api/connectionQueryOptions.ts'
import { postHogKeys } from '../api/connectionScope.ts'
import { createPostHogClient, type PostHogClient } from '../api/createPostHogClient.ts'
import { normalizeApiKey } from '../api/normalizeApiKey.ts'
import { normalizeProjectId } from '../api/normalizeProjectId.ts'
import { normalizeHost } from '../api/postHogHosts.ts'
import { hostOf, saveSettings, type ConnectionSettings } from './connectionSettings.ts'
import type { KeyPersistence, KeyStore, StorageLike } from './keyStore.ts'

/** Set when the deployment's server holds the key and proxies PostHog for one project. */
export interface ServerHeldKey {
    proxyBase: string
    postHogHost: string
    projectId: string
}

export interface InputProblems {
    host?: string
    projectId?: string
    apiKey?: string
}

export type ConnectionStatus =
    | { state: 'idle' }
    | { state: 'invalid'; problems: InputProblems }
    | { state: 'checking' }
    | { state: 'connected'; info: ConnectionInfo }
    | { state: 'failed'; error: ApiError }

export interface Connection {
    settings: ConnectionSettings
    setSettings: (settings: ConnectionSettings) => void
    apiKey: string
    setApiKey: (apiKey: string) => void
    persistence: KeyPersistence
    setPersistence: (persistence: KeyPersistence) => void
    check: () => void
    forget: () => void
    status: ConnectionStatus
    /** The client once the connection check passed. */
    client: PostHogClient | undefined
    /** The client being checked, so what a connected form needs can be asked for alongside the check. */
    checking: PostHogClient | undefined
    /** Where links into PostHog point (the real host, also behind the proxy). */
    linkHost: string
    serverHeldKey: ServerHeldKey | undefined
}

interface UseConnectionOptions {
    initialSettings: ConnectionSettings
    keyStore: KeyStore
    settingsStorage: StorageLike | undefined
    serverHeldKey: ServerHeldKey | undefined
}

function proxyClient(serverHeldKey: Pick<ServerHeldKey, 'proxyBase' | 'projectId'>): PostHogClient {
    // The proxy retries PostHog's warm-up answer itself, so the browser never needs the header.
    return createPostHogClient({ host: serverHeldKey.proxyBase, projectId: serverHeldKey.projectId, apiKey: '' })
}

/** The connection to PostHog: inputs, where the key is kept, and the check that proves it works. */
export function useConnection({
    initialSettings,
    keyStore,
    settingsStorage,
    serverHeldKey,
}: UseConnectionOptions): Connection {
    const queryClient = useQueryClient()
    const remembered = useMemo(() => keyStore.load(), [keyStore])
    const [settings, setSettingsState] = useState(initialSettings)
    const [apiKey, setApiKeyState] = useState(remembered?.apiKey ?? '')
    const [persistence, setPersistenceState] = useState<KeyPersistence>(remembered?.persistence ?? 'memory')
    const [problems, setProblems] = useState<InputProblems | undefined>()
    // A remembered key is checked at once, so a returning user lands connected.
    const [typedCandidate, setCandidate] = useState<PostHogClient | undefined>(() => {
        const host = normalizeHost(hostOf(initialSettings))
        const projectId = normalizeProjectId(initialSettings.projectId)
        if (!remembered || !host.ok || !projectId.ok) return undefined
        return createPostHogClient({ host: host.host, projectId: projectId.projectId, apiKey: remembered.apiKey })
    })

    // The deployment's config usually arrives after the first render; from then on its proxy is the only client.
    const proxyBase = serverHeldKey?.proxyBase
    const proxyProjectId = serverHeldKey?.projectId
    const proxy = useMemo(
        () =>
            proxyBase === undefined || proxyProjectId === undefined
                ? undefined
                : proxyClient({ proxyBase, projectId: proxyProjectId }),
        [proxyBase, proxyProjectId]
    )
    const candidate = proxy ?? typedCandidate
    const check = useQuery(connectionQueryOptions(candidate))

    const disconnect = useCallback(() => {
        setCandidate(undefined)
        setProblems(undefined)
    }, [])

    const setSettings = useCallback(
        (next: ConnectionSettings) => {
            setSettingsState(next)
            disconnect()
        },
        [disconnect]
    )

    const setApiKey = useCallback(
        (next: string) => {
            setApiKeyState(next)
            disconnect()
        },
        [disconnect]
    )

    const setPersistence = useCallback(
        (next: KeyPersistence) => {
            setPersistenceState(next)
            // Only a key that has worked is kept; moving it follows the user's choice at once.
            if (candidate && check.isSuccess) keyStore.save(apiKey, next)
            else if (next === 'memory') keyStore.forget()
        },
        [candidate, check.isSuccess, keyStore, apiKey]
    )

    useEffect(() => {
        if (check.isSuccess && !serverHeldKey) keyStore.save(apiKey, persistence)
        // Saving follows success only; key and persistence changes disconnect first.
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [check.isSuccess])

    const checkNow = useCallback(() => {
        if (serverHeldKey) {
            void queryClient.resetQueries({ queryKey: postHogKeys.connection(proxyClient(serverHeldKey).scope) })
            return
        }
        const host = normalizeHost(hostOf(settings))
        const projectId = normalizeProjectId(settings.projectId)
        const key = normalizeApiKey(apiKey)
        const found: InputProblems = {}
        if (!host.ok) found.host = host.message
        if (!projectId.ok) found.projectId = projectId.message
        if (!key.ok) found.apiKey = key.message
        if (!host.ok || !projectId.ok || !key.ok) {
            setCandidate(undefined)
            setProblems(found)
            return
        }
        setProblems(undefined)
        const client = createPostHogClient({ host: host.host, projectId: projectId.projectId, apiKey: key.apiKey })
        // A new key for the same host and project must not see the old key's cached answers.
        queryClient.removeQueries({ queryKey: client.scope })
        saveSettings(settingsStorage, settings)
        setCandidate(client)
    }, [serverHeldKey, settings, apiKey, queryClient, settingsStorage])

    const forget = useCallback(() => {
        keyStore.forget()
        setApiKeyState('')
        setPersistenceState('memory')
        disconnect()
        queryClient.removeQueries({ queryKey: postHogKeys.all })
    }, [keyStore, disconnect, queryClient])

    let status: ConnectionStatus = { state: 'idle' }
    if (problems) status = { state: 'invalid', problems }
    else if (candidate && check.isPending) status = { state: 'checking' }
    else if (candidate && check.isError) status = { state: 'failed', error: check.error }
    else if (candidate && check.isSuccess) status = { state: 'connected', info: check.data }

    return {
        settings,
        setSettings,
        apiKey,
        setApiKey,
        persistence,
        setPersistence,
        check: checkNow,
        forget,
        status,
        client: status.state === 'connected' ? candidate : undefined,
        checking: status.state === 'checking' ? candidate : undefined,
        linkHost: serverHeldKey?.postHogHost ?? candidate?.host ?? hostOf(settings),
        serverHeldKey,
    }
}
