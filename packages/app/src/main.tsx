import { StrictMode } from 'react';
import { I18nProvider, RouterProvider } from 'react-aria-components';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { App } from './App.tsx';
import { setupI18n } from './i18n.ts';
import { navigate } from './router.tsx';
import { SessionProvider } from './session.tsx';
import './styles.css';

/** react-aria's dates and numbers follow the language shown: the ROC calendar in Traditional Chinese. */
function Root() {
  const { i18n } = useTranslation();
  const locale = i18n.language.startsWith('en') ? 'en-GB' : 'zh-TW-u-ca-roc';
  return (
    <I18nProvider locale={locale}>
      <RouterProvider navigate={(to) => navigate(to)}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

setupI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
