import type { MenuItem } from '../layout.tsx';
import type { Route } from '../router.tsx';
import { ApplicationDetail, Applications } from './Applications.tsx';
import { Certificates } from './Certificates.tsx';
import { MyBenefits } from './MyBenefits.tsx';
import { Screener } from './Screener.tsx';
import { Verify } from './Verify.tsx';
import './citizen.css';

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
