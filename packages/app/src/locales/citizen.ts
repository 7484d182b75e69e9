/** Texts of the citizen portal, the screener and the verification page (namespace `citizen`). */
export const citizen = {
  'zh-TW': {},
  en: {},
};
