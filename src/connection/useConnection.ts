import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'

import type { ApiError } from '../api/ApiError.ts'
import type { ConnectionInfo } from '../api/checkConnection.ts'
import { connectionQueryOptions } from '../api/connectionQueryOptions.ts'
import { postHogKeys } from '../api/connectionScope.ts'
import { createPostHogClient, type PostHogClient } from '../api/createPostHogClient.ts'
import { normalizeApiKey } from '../api/normalizeApiKey.ts'
import { normalizeProjectId } from '../api/normalizeProjectId.ts'
import { isHostAllowed, normalizeHost } from '../api/postHogHosts.ts'
import { hostOf, saveSettings, settingsForHost, type ConnectionSettings } from './connectionSettings.ts'
import { ALLOWED_HOSTS_SETTING, type LinkHostNotice, type StartingConnection } from './decideStartingConnection.ts'
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
    /** What the user is told about the host the address named, until they connect. */
    hostNotice: LinkHostNotice | undefined
    /** After an ask: go back to the remembered key's own host and check it there. */
    keepRememberedHost: (() => void) | undefined
}

interface UseConnectionOptions {
    /** Where to start (decideStartingConnection): settings, the key bound to their host, and what to say. */
    starting: StartingConnection
    keyStore: KeyStore
    settingsStorage: StorageLike | undefined
    serverHeldKey: ServerHeldKey | undefined
    /** The deployment's ALLOWED_POSTHOG_HOSTS; undefined when no server said, and then any typed host goes. */
    allowedPostHogHosts: readonly string[] | undefined
}

function proxyClient(serverHeldKey: Pick<ServerHeldKey, 'proxyBase' | 'projectId'>): PostHogClient {
    // The proxy retries PostHog's warm-up answer itself, so the browser never needs the header.
    return createPostHogClient({ host: serverHeldKey.proxyBase, projectId: serverHeldKey.projectId, apiKey: '' })
}

/** The connection to PostHog: inputs, where the key is kept, and the check that proves it works. */
export function useConnection({
    starting,
    keyStore,
    settingsStorage,
    serverHeldKey,
    allowedPostHogHosts,
}: UseConnectionOptions): Connection {
    const queryClient = useQueryClient()
    const [settings, setSettingsState] = useState(starting.settings)
    const [apiKey, setApiKeyState] = useState(starting.apiKey)
    const [persistence, setPersistenceState] = useState<KeyPersistence>(starting.persistence)
    const [problems, setProblems] = useState<InputProblems | undefined>()
    const [hostNotice, setHostNotice] = useState(starting.notice)
    // A remembered key is checked at once on its own host only, so a returning user lands connected.
    const [typedCandidate, setCandidate] = useState<PostHogClient | undefined>(() => {
        const host = normalizeHost(hostOf(starting.settings))
        const projectId = normalizeProjectId(starting.settings.projectId)
        if (!starting.autoConnect || !host.ok || !projectId.ok) return undefined
        return createPostHogClient({ host: host.host, projectId: projectId.projectId, apiKey: starting.apiKey })
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
            // Only a key that has worked is kept, bound to the host it worked on; moving it follows the choice at once.
            if (typedCandidate && check.isSuccess) keyStore.save({ apiKey, host: typedCandidate.host }, next)
            else if (next === 'memory') keyStore.forget()
        },
        [typedCandidate, check.isSuccess, keyStore, apiKey]
    )

    useEffect(() => {
        if (!check.isSuccess || serverHeldKey || !typedCandidate) return
        keyStore.save({ apiKey, host: typedCandidate.host }, persistence)
        // Saving follows success only; key and persistence changes disconnect first.
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [check.isSuccess])

    const checkWith = useCallback(
        (nextSettings: ConnectionSettings, nextKey: string) => {
            if (serverHeldKey) {
                void queryClient.resetQueries({ queryKey: postHogKeys.connection(proxyClient(serverHeldKey).scope) })
                return
            }
            const host = normalizeHost(hostOf(nextSettings))
            const projectId = normalizeProjectId(nextSettings.projectId)
            const key = normalizeApiKey(nextKey)
            const found: InputProblems = {}
            if (!host.ok) found.host = host.message
            else if (allowedPostHogHosts !== undefined && !isHostAllowed(host.host, allowedPostHogHosts)) {
                found.host = hostNotAllowed(host.host, allowedPostHogHosts)
            }
            if (!projectId.ok) found.projectId = projectId.message
            if (!key.ok) found.apiKey = key.message
            if (!host.ok || found.host !== undefined || !projectId.ok || !key.ok) {
                setCandidate(undefined)
                setProblems(found)
                return
            }
            setProblems(undefined)
            const client = createPostHogClient({ host: host.host, projectId: projectId.projectId, apiKey: key.apiKey })
            // A new key for the same host and project must not see the old key's cached answers.
            queryClient.removeQueries({ queryKey: client.scope })
            saveSettings(settingsStorage, nextSettings)
            setCandidate(client)
        },
        [serverHeldKey, allowedPostHogHosts, queryClient, settingsStorage]
    )

    const checkNow = useCallback(() => {
        checkWith(settings, apiKey)
    }, [checkWith, settings, apiKey])

    const { rememberedSettings } = starting
    const keepRememberedHost = useCallback(() => {
        const remembered = keyStore.load()
        if (!remembered || !rememberedSettings) return
        const next = settingsForHost(rememberedSettings, remembered.host)
        setSettingsState(next)
        setApiKeyState(remembered.apiKey)
        setPersistenceState(remembered.persistence)
        setHostNotice(undefined)
        checkWith(next, remembered.apiKey)
    }, [keyStore, rememberedSettings, checkWith])

    const forget = useCallback(() => {
        keyStore.forget()
        setApiKeyState('')
        setPersistenceState('memory')
        disconnect()
        queryClient.removeQueries({ queryKey: postHogKeys.all })
    }, [keyStore, disconnect, queryClient])

    // Once connected, what the link's host asked is answered.
    if (hostNotice && candidate && check.isSuccess) setHostNotice(undefined)

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
        hostNotice: serverHeldKey ? undefined : hostNotice,
        keepRememberedHost: hostNotice?.kind === 'ask' && rememberedSettings ? keepRememberedHost : undefined,
    }
}

function hostNotAllowed(host: string, allowed: readonly string[]): string {
    const list = allowed.length > 0 ? allowed.join(', ') : 'no host'
    return `This launcher’s deployment does not allow ${host}; it allows ${list} (its ${ALLOWED_HOSTS_SETTING} setting).`
}
