import { lazy, useSyncExternalStore, type ReactNode, type RefObject } from 'react'

import type { RunFormHandle } from '../form/RunForm.tsx'
import type { Store } from '../lib/createStore.ts'
import { Disclosure } from '../ui/Disclosure.tsx'
import type { FormBinding } from './formBinding.ts'
import { loadPanels } from './loadPanels.ts'

const SharePanel = lazy(() => loadPanels().then((module) => ({ default: module.SharePanel })))
const EmbedSnippetPanel = lazy(() => loadPanels().then((module) => ({ default: module.EmbedSnippetPanel })))

interface SharePanelsProps {
    binding: Store<FormBinding>
    form: RefObject<RunFormHandle | null>
    embedAllowedOrigins: readonly string[] | undefined
}

/** The folded share and embed panels below the form; their code loads when one is opened. */
export function SharePanels({ binding, form, embedAllowedOrigins }: SharePanelsProps): ReactNode {
    const { model, target, defaultValues } = useSyncExternalStore(binding.subscribe, binding.getSnapshot)
    const getValues = () => form.current?.getValues() ?? defaultValues
    return (
        <>
            <Disclosure title="Share a prefilled link" className="panel share">
                {() => <SharePanel model={model} getValues={getValues} connection={target} />}
            </Disclosure>
            <Disclosure title="Embed this form on another site" className="panel share embed-snippet">
                {() => (
                    <EmbedSnippetPanel
                        model={model}
                        getValues={getValues}
                        connection={target}
                        embedAllowedOrigins={embedAllowedOrigins}
                    />
                )}
            </Disclosure>
        </>
    )
}
