import type { MenuItem } from '../layout.tsx';
import type { Route } from '../router.tsx';
import { Application } from './Application.tsx';
import { Household } from './Household.tsx';
import { Person } from './Person.tsx';
import { Parameter, Programs } from './Programs.tsx';
import { Search } from './Search.tsx';
import { StaffHome } from './StaffHome.tsx';

/** The staff screens (all under /staff, for signed-in staff). */
export const staffRoutes: Route[] = [
  { path: '/staff', access: 'staff', render: () => <StaffHome /> },
  { path: '/staff/search', access: 'staff', render: () => <Search /> },
  { path: '/staff/persons/:id', access: 'staff', render: ({ id }) => <Person id={id!} /> },
  { path: '/staff/households/:id', access: 'staff', render: ({ id }) => <Household key={id} id={id!} /> },
  { path: '/staff/applications/:id', access: 'staff', render: ({ id }) => <Application key={id} id={id!} /> },
  { path: '/staff/programs', access: 'staff', render: () => <Programs /> },
  { path: '/staff/parameters/:id', access: 'staff', render: ({ id }) => <Parameter key={id} id={id!} /> },
];

/** The staff menu (labels in the `staff` namespace). */
export const staffMenu: MenuItem[] = [
  { href: '/staff', label: 'staff:nav.home' },
  { href: '/staff/search', label: 'staff:nav.search' },
  { href: '/staff/programs', label: 'staff:nav.programs' },
];
