/** A value built on first use and kept: for work that the first paint should not pay for. */
export function lazyValue<T>(build: () => T): () => T {
    let built: { value: T } | undefined
    return () => (built ??= { value: build() }).value
}
