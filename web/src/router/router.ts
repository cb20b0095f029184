import { useSyncExternalStore } from 'react';

// A small history router: the app has a handful of routes, so a library would cost more than it saves.

const NAVIGATE = 'credence:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const current = (): string => window.location.pathname + window.location.search;

/** The current path and query, re-rendering on navigation. */
export const useLocationPath = (): string => useSyncExternalStore(subscribe, current);

export function navigate(to: string, options: { readonly replace?: boolean } = {}): void {
  if (to === current()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
  window.scrollTo(0, 0);
}

/** Matches `/organizations/:uscc` style patterns; returns the named segments or null. */
export function matchPath(pattern: string, path: string): Readonly<Record<string, string>> | null {
  const pathname = path.split('?')[0] ?? '';
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}
