import { KAOHSIUNG_DISTRICTS } from '@safetynet/core/districts';
import type { FactSpec } from '../engine/fact-spec.ts';

/**
 * What a case says about each household besides its members (the API's `households.{id}`): the
 * means-test household of D0050078 第5條 as the district office counts it. Same shape as the person facts.
 */
export const DISTRICT_FACTS = ['unknown', ...KAOHSIUNG_DISTRICTS.map((d) => d.code)] as const;

export const HOUSEHOLD_FACTS = {
  district: {
    type: { kind: 'enum', values: DISTRICT_FACTS },
    default: 'unknown',
    zh: '戶籍所在行政區代碼（如 64000020 鼓山區）',
    en: 'District code of the household registration (e.g. 64000020 for 鼓山區)',
    example: KAOHSIUNG_DISTRICTS[0]!.code,
  },
  highRiskFamily: {
    type: { kind: 'boolean' },
    default: false,
    zh: '經社工評估之弱勢家庭（兒少高風險家庭、兒少保護個案等）',
    en: 'Assessed by a social worker as a vulnerable family (high-risk family, child-protection case…)',
    example: false,
  },
  lowIncomeClass: {
    type: { kind: 'integer', min: 0, max: 9 },
    default: 0,
    zh: '低收入戶款別（本市依收入差別核定之等級，社會救助法第11條第2項；0 = 未核定）',
    en: 'Low-income class (款別) the city assigned by income (D0050078 art. 11 para. 2); 0 = not assigned',
    example: 1,
  },
  rentNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月住宅租金',
    en: 'Monthly rent of the home (NTD)',
    example: 0,
  },
  mortgageInterestNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月自購住宅貸款利息',
    en: 'Monthly mortgage interest on the home the household bought (NTD)',
    example: 0,
  },
} as const satisfies Record<string, FactSpec>;

export type HouseholdFactName = keyof typeof HOUSEHOLD_FACTS;
