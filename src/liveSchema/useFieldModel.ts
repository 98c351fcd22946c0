import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo, useState } from 'react'

import type { PostHogClient } from '../api/createPostHogClient.ts'
import { schemaDocumentQueryOptions } from '../api/schemaDocumentQueryOptions.ts'
import { chooseFieldModel, type FieldModelChoice, type LiveSchemaState } from './chooseFieldModel.ts'

export interface FieldModelState extends FieldModelChoice {
    /** The live document of the current host is on its way (the model shown may be the last one that settled). */
    loading: boolean
    /** Asks PostHog for its schema again; undefined while not connected. */
    retry: (() => void) | undefined
}

/**
 * The field model to render: PostHog's live run schema once connected, the bundled one until then or when the live
 * one is missing or not understood. Never suspends, so the first render shows the bundled form.
 */
export function useFieldModel(client: PostHogClient | undefined): FieldModelState {
    const query = useQuery(schemaDocumentQueryOptions(client))
    const { status, data, error, refetch } = query
    const connected = client !== undefined
    const latest = useMemo((): LiveSchemaState => {
        if (!connected) return { status: 'offline' }
        if (status === 'success') return { status: 'loaded', document: data }
        if (status === 'error') return { status: 'failed', error }
        return { status: 'loading' }
    }, [connected, status, data, error])
    // Compiling the document and rendering the form it makes happen at low priority: keys typed meanwhile go first.
    const live = useDeferredValue(latest)
    const current = useMemo(() => chooseFieldModel(live), [live])

    // Disconnecting (or switching hosts) keeps the last settled model, so fields the user filled do not vanish.
    const [kept, setKept] = useState(current)
    if (current.settled && current !== kept) setKept(current)
    const shown = current.settled || !kept.settled ? current : kept

    return useMemo(
        () => ({
            ...shown,
            loading: live.status === 'loading',
            retry: connected
                ? () => {
                      void refetch()
                  }
                : undefined,
        }),
        [shown, live.status, connected, refetch]
    )
}
