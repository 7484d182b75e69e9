import type { MenuItem } from '../layout.tsx';
import type { Route } from '../router.tsx';

/**
 * The citizen portal (MyData, under /me, for signed-in citizens) and the public pages anyone opens: the
 * anonymous screener (/screener) and the certificate verification page (/verify, /verify/:code).
 */
export const citizenRoutes: Route[] = [];

/** The citizen menu (labels in the `citizen` namespace). */
export const citizenMenu: MenuItem[] = [];
