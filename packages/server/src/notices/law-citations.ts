/**
 * Legal references in the rules cite laws by their code in the Ministry of Justice's database
 * (`D0050078 第4條第1項`); a notice names the law instead (`社會救助法第4條第1項`).
 */
const LAW_NAMES: Readonly<Record<string, string>> = {
  D0050001: '兒童及少年福利與權益保障法',
  D0050010: '兒童及少年福利與權益保障法施行細則',
  D0050023: '兒童及少年性剝削防制條例',
  D0050037: '老人福利法',
  D0050038: '老人福利法施行細則',
  D0050045: '中低收入老人生活津貼發給辦法',
  D0050046: '身心障礙者權益保障法',
  D0050047: '身心障礙者權益保障法施行細則',
  D0050071: '家庭暴力防治法',
  D0050075: '特殊境遇家庭扶助條例',
  D0050078: '社會救助法',
  D0050079: '社會救助法施行細則',
  D0050090: '身心障礙者參加社會保險保險費補助辦法',
  D0050149: '中低收入老人特別照顧津貼發給辦法',
  D0050152: '國民年金法',
  D0050180: '弱勢兒童及少年生活扶助與托育及醫療費用補助辦法',
  D0050189: '身心障礙者生活補助費發給辦法',
  D0120014: '災害防救法',
  D0120017: '風災震災火災爆炸火山災害救助種類及標準',
  J0110032: '水災災害救助種類及標準',
  L0060001: '全民健康保險法',
  L0070040: '長期照顧服務法',
};

/** Replaces each known law code in a reference by the law's name; anything else stays as written. */
export function citeLaw(reference: string): string {
  return reference.replace(/\b([A-Z]\d{7}) ?/g, (code, pcode: string) => LAW_NAMES[pcode] ?? code);
}
