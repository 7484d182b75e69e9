/** Texts of the staff screens (namespace `staff`). */
export const staff = {
  'zh-TW': {},
  en: {},
};
