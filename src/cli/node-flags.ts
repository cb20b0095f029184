/**
 * The V8 flags Credence runs with: its bin's shebang and the package scripts start Node with them,
 * and the checks benchmark starts its servers (ours and the bare baseline) with them too.
 *
 * A check waits for its inquiry's group commit, so the requests in flight are alive at every young-
 * generation collection and are copied by each; a larger young generation collects less often
 * (measured: about a fifth less CPU per check). It costs up to 2 x 64 MB of memory under load.
 */
export const NODE_FLAGS = ['--max-semi-space-size=64'] as const;
