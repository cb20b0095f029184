/**
 * The V8 flags Credence runs with: its bin's shebang and the package scripts start Node with them;
 * the benchmarks run with them too (`npm run bench`, and the checks bench's servers, ours and the bare one).
 *
 * A check waits for its inquiry's group commit, so the requests in flight are alive at every young-
 * generation collection and are copied by each; a larger young generation collects less often.
 * Measured under the checks benchmark's load, four alternating pairs: 58 against 63 µs of server CPU
 * per check (median), 36 against 182 scavenges per 8 s; bulk import and the core bench gain 3–6%.
 * It costs up to 2 x 64 MB of memory under load.
 */
export const NODE_FLAGS = ['--max-semi-space-size=64'] as const;
