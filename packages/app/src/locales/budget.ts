/** Texts of the Plan and budget screens (namespace `budget`). */
export const budget = {
  'zh-TW': {
    nav: '施政計畫與預算',
    title: '施政計畫與預算',
  },
  en: {
    nav: 'Plan and budget',
    title: 'Plan and budget',
  },
};
