import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { budget } from './locales/budget.ts';
import { citizen } from './locales/citizen.ts';
import { common } from './locales/common.ts';
import { operations } from './locales/operations.ts';
import { reports } from './locales/reports.ts';
import { staff } from './locales/staff.ts';
import { statistics } from './locales/statistics.ts';

/** Traditional Chinese by default; English on request, remembered in this browser. */
export const LANGUAGES = ['zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORED = 'safetynet.language';

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORED);
  return stored === 'en' ? 'en' : 'zh-TW';
}

/** The document's language tag, for screen readers and fonts. */
const htmlLang = (language: Language) => (language === 'en' ? 'en' : 'zh-Hant-TW');

export async function setupI18n(): Promise<void> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-TW',
    ns: ['common', 'staff', 'citizen', 'operations', 'reports', 'budget', 'statistics'],
    defaultNS: 'common',
    resources: {
      'zh-TW': {
        common: common['zh-TW'],
        staff: staff['zh-TW'],
        citizen: citizen['zh-TW'],
        operations: operations['zh-TW'],
        reports: reports['zh-TW'],
        budget: budget['zh-TW'],
        statistics: statistics['zh-TW'],
      },
      en: {
        common: common.en,
        staff: staff.en,
        citizen: citizen.en,
        operations: operations.en,
        reports: reports.en,
        budget: budget.en,
        statistics: statistics.en,
      },
    },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = htmlLang(language);
}

export async function switchLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORED, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = htmlLang(language);
}
