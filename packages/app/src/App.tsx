import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { citizenMenu, citizenRoutes } from './citizen/routes.tsx';
import { Layout } from './layout.tsx';
import { Landing } from './pages/Landing.tsx';
import { Forbidden, NotFound } from './pages/NotFound.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { matchRoute, navigate, type Route, useLocation } from './router.tsx';
import { isCitizen, isStaff, useSession } from './session.tsx';
import { staffMenu, staffRoutes } from './staff/routes.tsx';
import { Loading } from './ui.tsx';

const routes: Route[] = [
  { path: '/', access: 'public', render: () => <Landing /> },
  { path: '/signin', access: 'public', render: () => <SignIn /> },
  ...staffRoutes,
  ...citizenRoutes,
];

function Page() {
  const { path, search } = useLocation();
  const { account } = useSession();
  const found = matchRoute(routes, path);
  useTranslation();
  if (!found) return <NotFound />;
  const { route, params } = found;
  if (route.access !== 'public') {
    if (account === undefined) return <Loading />;
    if (account === null) {
      // Sign in first, then back here.
      queueMicrotask(() =>
        navigate(`/signin?next=${encodeURIComponent(path + (search.size ? `?${search}` : ''))}`, {
          replace: true,
        }),
      );
      return <Loading />;
    }
    const allowed = route.access === 'staff' ? isStaff(account) : isCitizen(account);
    if (!allowed) return <Forbidden />;
  }
  return <Suspense fallback={<Loading />}>{route.render(params)}</Suspense>;
}

export function App() {
  return (
    <Layout staffMenu={staffMenu} citizenMenu={citizenMenu}>
      <Page />
    </Layout>
  );
}
