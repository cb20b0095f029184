/** The nice value of the threads that commit, sync and checkpoint behind the event loop. */
export const BACKGROUND_NICE = 10;

/**
 * Plain JS for a worker's `eval` source: lowers the calling thread's scheduling priority. On Linux nice
 * is per thread, and /proc/thread-self names the thread. A woken worker then stops taking the core
 * from the event loop, which serves the checks whose inquiries it commits: on the 2-core machine the
 * checks bench went from 17.9-20.5 k/s at nice 0 to 20.3-21.3 k/s at 10 and 15 (alternating runs).
 * Elsewhere, or if not allowed, the thread keeps the process's priority.
 */
export const LOWER_THREAD_PRIORITY_JS = `
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, ${BACKGROUND_NICE});
} catch {
  // Not Linux, or not allowed: the thread keeps the process's priority.
}
`;
