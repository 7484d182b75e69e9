import type { MenuItem } from '../layout.tsx';
import type { Route } from '../router.tsx';

/** The staff screens (all under /staff, for signed-in staff). */
export const staffRoutes: Route[] = [];

/** The staff menu (labels in the `staff` namespace). */
export const staffMenu: MenuItem[] = [];
