import { lazy } from 'react';
import type { MenuItem } from '../layout.tsx';
import type { Route } from '../router.tsx';
import './citizen.css';

// Each page is loaded when first opened (a phone downloads only what it shows).
const ApplicationDetail = lazy(() =>
  import('./Applications.tsx').then((m) => ({ default: m.ApplicationDetail })),
);
const Applications = lazy(() => import('./Applications.tsx').then((m) => ({ default: m.Applications })));
const Certificates = lazy(() => import('./Certificates.tsx').then((m) => ({ default: m.Certificates })));
const MyBenefits = lazy(() => import('./MyBenefits.tsx').then((m) => ({ default: m.MyBenefits })));
const Screener = lazy(() => import('./Screener.tsx').then((m) => ({ default: m.Screener })));
const Verify = lazy(() => import('./Verify.tsx').then((m) => ({ default: m.Verify })));

/**
 * The citizen portal (MyData, under /me, for signed-in citizens) and the public pages anyone opens: the
 * anonymous screener (/screener) and the certificate verification page (/verify, /verify/:code).
 */
export const citizenRoutes: Route[] = [
  { path: '/me', access: 'citizen', render: () => <MyBenefits /> },
  { path: '/me/certificates', access: 'citizen', render: () => <Certificates /> },
  { path: '/me/applications', access: 'citizen', render: () => <Applications /> },
  { path: '/me/applications/:id', access: 'citizen', render: ({ id }) => <ApplicationDetail id={id!} /> },
  { path: '/screener', access: 'public', render: () => <Screener /> },
  { path: '/verify', access: 'public', render: () => <Verify /> },
  // The QR code on a certificate opens this page.
  { path: '/verify/:code', access: 'public', render: ({ code }) => <Verify code={code} /> },
];

/** The citizen menu (labels in the `citizen` namespace). */
export const citizenMenu: MenuItem[] = [
  { href: '/me', label: 'citizen:nav.me' },
  { href: '/me/certificates', label: 'citizen:nav.certificates' },
  { href: '/me/applications', label: 'citizen:nav.applications' },
  { href: '/screener', label: 'citizen:nav.screener' },
];
