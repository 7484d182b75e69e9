import type { FactSpec } from '../engine/fact-spec.ts';

/**
 * Dated events of a case (the API's `events: [...]`): a disaster, a hospital stay, an emergency. Each has
 * a type, the person or household it happened to, a `date`, and the fields its type lists. Programs of
 * period "event" read the events of their type; which dates count (this month, the last three months) is
 * the program's rule.
 */
export interface EventSpec {
  /** Whom the event concerns: `person` events name `person`, `household` events name `household`. */
  entity: 'person' | 'household';
  zh: string;
  en: string;
  fields: Record<string, FactSpec>;
}

export const EVENT_TYPES = {
  disaster: {
    entity: 'household',
    zh: '天然災害（風災、水災、震災等）',
    en: 'A natural disaster striking the household (typhoon, flood, earthquake…)',
    fields: {
      deaths: {
        type: { kind: 'integer', min: 0, max: 100 },
        default: 0,
        zh: '死亡或失蹤人數',
        en: 'Members who died or are missing',
        example: 0,
      },
    },
  },
  'early-intervention-session': {
    entity: 'person',
    zh: '發展遲緩兒童之評估或療育訓練（全民健康保險未給付部分）',
    en: 'An assessment or therapy session of a child with developmental delay (the part NHI does not cover)',
    fields: {
      feeNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '該次自行負擔之評估費或療育訓練費',
        en: 'Fee paid for the session (NTD)',
        example: 800,
      },
    },
  },
  'special-circumstance-emergency': {
    entity: 'household',
    zh: '特殊境遇家庭緊急生活扶助之申請（事實發生日及核給月數）',
    en: 'An application for special-circumstance emergency aid (the date the situation arose, months granted)',
    fields: {
      occurredOn: {
        type: { kind: 'date' },
        required: true,
        zh: '事實發生日',
        en: 'Date the situation arose',
        example: '2023-03-10',
      },
      months: {
        type: { kind: 'integer', min: 1, max: 3 },
        default: 3,
        zh: '核給月數（以三個月為原則）',
        en: 'Months granted (three as a rule)',
        example: 3,
      },
    },
  },
  'family-crisis': {
    entity: 'household',
    zh: '家庭遭遇變故或功能不全，經社工評估需弱勢家庭兒少緊急生活扶助（扶助起始月）',
    en: 'A family crisis assessed as needing the vulnerable-family emergency child allowance (the first month of aid)',
    fields: {
      months: {
        type: { kind: 'integer', min: 1, max: 6 },
        default: 6,
        zh: '扶助月數（以六個月為原則）',
        en: 'Months of aid (six as a rule)',
        example: 6,
      },
    },
  },
  'assistive-device-purchase': {
    entity: 'person',
    zh: '購置（或維修）身心障礙者輔助器具',
    en: 'Purchase (or repair) of an assistive device by a person with a disability',
    fields: {
      priceNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '購置或維修費用',
        en: 'Price paid (NTD)',
        example: 15000,
      },
    },
  },
} as const satisfies Record<string, EventSpec>;

export type EventTypeName = keyof typeof EVENT_TYPES;

/** One event as a case gives it. */
export interface EventFacts {
  type: string;
  person?: string;
  household?: string;
  date: string;
  [field: string]: unknown;
}
