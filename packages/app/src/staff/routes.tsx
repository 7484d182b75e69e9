import { lazy } from 'react';
import type { MenuItem } from '../layout.tsx';
import type { Route } from '../router.tsx';

// Each screen is loaded when first opened: a citizen's phone never downloads the staff screens.
const AnnualReview = lazy(() =>
  import('../operations/AnnualReview.tsx').then((m) => ({ default: m.AnnualReview })),
);
const AnnualReviews = lazy(() =>
  import('../operations/AnnualReviews.tsx').then((m) => ({ default: m.AnnualReviews })),
);
const AuditTrail = lazy(() =>
  import('../operations/AuditTrail.tsx').then((m) => ({ default: m.AuditTrail })),
);
const PaymentRuns = lazy(() =>
  import('../operations/PaymentRuns.tsx').then((m) => ({ default: m.PaymentRuns })),
);
const Budget = lazy(() => import('../reports/Budget.tsx').then((m) => ({ default: m.Budget })));
const HalfYearReport = lazy(() =>
  import('../reports/HalfYearReport.tsx').then((m) => ({ default: m.HalfYearReport })),
);
const Statistics = lazy(() => import('../reports/Statistics.tsx').then((m) => ({ default: m.Statistics })));
const Application = lazy(() => import('./Application.tsx').then((m) => ({ default: m.Application })));
const Household = lazy(() => import('./Household.tsx').then((m) => ({ default: m.Household })));
const Person = lazy(() => import('./Person.tsx').then((m) => ({ default: m.Person })));
const Parameter = lazy(() => import('./Programs.tsx').then((m) => ({ default: m.Parameter })));
const Programs = lazy(() => import('./Programs.tsx').then((m) => ({ default: m.Programs })));
const Search = lazy(() => import('./Search.tsx').then((m) => ({ default: m.Search })));
const StaffHome = lazy(() => import('./StaffHome.tsx').then((m) => ({ default: m.StaffHome })));

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
  // Reports, the plan's budget and statistics: aggregates for the program officer and the statistician.
  { path: '/staff/reports', access: 'staff', render: () => <HalfYearReport /> },
  { path: '/staff/budget', access: 'staff', render: () => <Budget /> },
  { path: '/staff/statistics', access: 'staff', render: () => <Statistics /> },
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
  { href: '/staff/reports', label: 'reports:nav', roles: ['program-officer', 'statistician'] },
  { href: '/staff/budget', label: 'budget:nav', roles: ['program-officer', 'statistician'] },
  { href: '/staff/statistics', label: 'statistics:nav', roles: ['program-officer', 'statistician'] },
];
