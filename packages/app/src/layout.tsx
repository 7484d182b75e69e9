import type { ReactNode } from 'react';
import { Button, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from './i18n.ts';
import { navigate } from './router.tsx';
import { isCitizen, isStaff, useSession } from './session.tsx';

/** Each part's menu: what a staff member, a citizen or anyone opens most. */
export interface MenuItem {
  href: string;
  /** An i18next key (with its namespace: `staff:nav.search`). */
  label: string;
  /** Only for these roles (default: every role of the part). */
  roles?: string[];
}

export function Layout({
  children,
  staffMenu,
  citizenMenu,
}: {
  children: ReactNode;
  staffMenu: MenuItem[];
  citizenMenu: MenuItem[];
}) {
  const { t, i18n } = useTranslation();
  const { account, signOut } = useSession();
  const english = i18n.language.startsWith('en');
  const menu: MenuItem[] = isStaff(account)
    ? staffMenu.filter((item) => !item.roles || item.roles.includes(account!.role))
    : isCitizen(account)
      ? citizenMenu
      : [
          { href: '/screener', label: 'nav.screener' },
          { href: '/verify', label: 'nav.verify' },
        ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link href="/" className="brand-link">
            {t('product')}
          </Link>
          <span className="bureau">{t('bureau')}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul className="menu">
            {menu.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          {account ? (
            <>
              <span className="who">
                {t('signedInAs', {
                  name: account.displayName ?? account.username,
                  role: english ? account.roleName.en : account.roleName.zh,
                })}
              </span>
              <Button
                onPress={async () => {
                  await signOut();
                  navigate('/');
                }}
              >
                {t('nav.signOut')}
              </Button>
            </>
          ) : (
            <Link href="/signin">{t('nav.signIn')}</Link>
          )}
          {/* Named by its visible text, in the language it switches to. */}
          <Button onPress={() => switchLanguage(english ? 'zh-TW' : 'en')}>
            <span lang={english ? 'zh-Hant-TW' : 'en'}>{t('language.switchTo')}</span>
          </Button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('bureau')}</p>
      </footer>
    </>
  );
}
