import { type ReactNode, useSyncExternalStore } from 'react';

/**
 * A small path router: the app's pages are a handful, so the browser's history is enough. Links (react-aria's
 * `Link href`) navigate through `navigate` (see main.tsx's RouterProvider).
 */

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
};

/** The current path and query (`/staff/households/…?asOf=…`). */
export function useLocation(): { path: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, search: url.searchParams };
}

/**
 * `state`: what a page keeps with the history entry but out of the address (an ID number searched for must not
 * stay in the browser's history of addresses, nor in a proxy's log).
 */
export function navigate(to: string, options: { replace?: boolean; state?: object } = {}): void {
  if (options.replace) window.history.replaceState(options.state ?? null, '', to);
  else window.history.pushState(options.state ?? null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

/** Who may open a page: anyone, a signed-in staff member, or a signed-in citizen. */
export type Access = 'public' | 'staff' | 'citizen';

export interface Route {
  /** `/staff/households/:id`: `:name` matches one path segment. */
  path: string;
  access: Access;
  render: (params: Record<string, string>) => ReactNode;
}

/** The route the path opens and its parameters, or undefined. */
export function matchRoute(
  routes: readonly Route[],
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.replace(/\/+$/, '').split('/');
  for (const route of routes) {
    const pattern = route.path.replace(/\/+$/, '').split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < pattern.length; i++) {
      const want = pattern[i]!;
      const got = parts[i]!;
      if (want.startsWith(':')) params[want.slice(1)] = decodeURIComponent(got);
      else if (want !== got) {
        matched = false;
        break;
      }
    }
    if (matched) return { route, params };
  }
  return undefined;
}
