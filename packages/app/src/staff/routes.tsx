import type { MenuItem } from '../layout.tsx';
import { AnnualReview } from '../operations/AnnualReview.tsx';
import { AnnualReviews } from '../operations/AnnualReviews.tsx';
import { AuditTrail } from '../operations/AuditTrail.tsx';
import { PaymentRuns } from '../operations/PaymentRuns.tsx';
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
  // The program officer's operations (the API refuses other roles, the pages then say so).
  { path: '/staff/payment-runs', access: 'staff', render: () => <PaymentRuns /> },
  { path: '/staff/annual-reviews', access: 'staff', render: () => <AnnualReviews /> },
  { path: '/staff/audit', access: 'staff', render: () => <AuditTrail /> },
  {
    path: '/staff/annual-reviews/:id',
    access: 'staff',
    render: ({ id }) => <AnnualReview key={id} id={id!} />,
  },
];

/** The staff menu (labels in the `staff` namespace). */
export const staffMenu: MenuItem[] = [
  { href: '/staff', label: 'staff:nav.home' },
  { href: '/staff/search', label: 'staff:nav.search' },
  { href: '/staff/programs', label: 'staff:nav.programs' },
  { href: '/staff/payment-runs', label: 'operations:nav.paymentRuns', roles: ['program-officer'] },
  {
    href: '/staff/annual-reviews',
    label: 'operations:nav.annualReviews',
    roles: ['district-clerk', 'reviewer', 'program-officer'],
  },
  { href: '/staff/audit', label: 'operations:nav.audit', roles: ['auditor'] },
];
