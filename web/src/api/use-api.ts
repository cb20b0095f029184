import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'ready'; readonly data: T };

/** Loads data when `key` changes; `reload` fetches again (after a change the page made). */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> & { readonly reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    load(ctrl.signal).then(
      (data) => { if (!ctrl.signal.aborted) setResult({ state: 'ready', data }); },
      (error: unknown) => { if (!ctrl.signal.aborted) setResult({ state: 'error', error }); },
    );
    return () => ctrl.abort();
    // `load` is recreated each render; `key` names what it loads, so it alone triggers a reload.
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...result, reload };
}
