/** Texts of the Statistics screens (namespace `statistics`). */
export const statistics = {
  'zh-TW': {
    nav: '統計',
    title: '統計',
  },
  en: {
    nav: 'Statistics',
    title: 'Statistics',
  },
};
