/** What a host page's `submit` does: start the run, or ask the user inside the frame first. */
export type HostSubmitPolicy = 'direct' | 'ask-user'

export interface HostSubmitContext {
    /** The deployment's server holds the key and enforces its own run policy. */
    serverHeldKey: boolean
    /** EMBED_HOST_SUBMIT: the deployment lets host pages start runs with the user's own key. */
    embedHostSubmit: boolean
}

/** A run started with the user's own key needs the user's own click, unless the deployment opted out. */
export function hostSubmitPolicy({ serverHeldKey, embedHostSubmit }: HostSubmitContext): HostSubmitPolicy {
    return serverHeldKey || embedHostSubmit ? 'direct' : 'ask-user'
}
