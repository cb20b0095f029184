/** Where to go after logging in: the `next` the guard sent, if it is a path of this app. */
export function nextPath(fallback: string): string {
  const next = new URLSearchParams(window.location.search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
