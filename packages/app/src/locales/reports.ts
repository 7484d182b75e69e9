/** Texts of the Work report screens (namespace `reports`). */
export const reports = {
  'zh-TW': {
    nav: '工作報告',
    title: '工作報告',
  },
  en: {
    nav: 'Work report',
    title: 'Work report',
  },
};
