// The protocol's markers, apart from the message schemas: the embed snippet needs them, and not zod.

/** Bumped on any incompatible change to a message; both sides refuse other versions. */
export const EMBED_PROTOCOL_VERSION = 1
/** The marker on every message the embed sends to its host. */
export const EMBED_SOURCE = 'run-launcher'
/** The marker the host puts on every message it sends to the embed. */
export const HOST_SOURCE = 'run-launcher-host'
