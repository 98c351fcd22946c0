import type { RenderedChunk } from 'rolldown'

/** The chunk of packages that run while the form first renders. */
export const STARTUP_CHUNK = 'startup'

/** Chrome's explicit compile hint: compile every function of the file while streaming it, off the main thread. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

// React and react-hook-form run almost whole to render the form; zod and the app's own code only in part.
const STARTUP_MODULES =
    /(?:[\\/]node_modules[\\/](?:react|react-dom|scheduler|react-hook-form)[\\/])|^\0?rolldown[\\/]runtime/

/** True for a module id that belongs in the startup chunk. */
export function isStartupModule(id: string): boolean {
    return STARTUP_MODULES.test(id)
}

/** The comment to put above a chunk once minified: the compile hint on the startup chunk, nothing elsewhere. */
export function compileHintFor(chunk: Pick<RenderedChunk, 'name'>): string {
    return chunk.name === STARTUP_CHUNK ? COMPILE_HINT : ''
}

/**
 * Rolldown output options: the startup packages in a chunk of their own, which carries the compile hint. Lazy
 * compilation of that code was the largest part of the main thread's work before the form appeared (bench/README.md).
 */
export function startupChunkOutput() {
    return {
        codeSplitting: { groups: [{ name: STARTUP_CHUNK, test: isStartupModule }] },
        postBanner: compileHintFor,
    }
}
