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
    zh: '天然災害（風災、水災、震災、火災、爆炸等）致戶內人口傷亡或住屋受損（日期為災害發生日）',
    en: 'A disaster striking the household (typhoon, flood, earthquake, fire, explosion…); the date is the day it struck',
    fields: {
      deaths: {
        type: { kind: 'integer', min: 0, max: 100 },
        default: 0,
        zh: '因災死亡或失蹤人數',
        en: 'Members who died or went missing in the disaster',
        example: 0,
      },
      seriouslyInjured: {
        type: { kind: 'integer', min: 0, max: 100 },
        default: 0,
        zh: '因災重傷人數',
        en: 'Members seriously injured in the disaster',
        example: 0,
      },
      homeUninhabitable: {
        type: { kind: 'boolean' },
        default: false,
        zh: '住屋毀損達不堪居住程度（經勘查認定）',
        en: 'The home was damaged beyond habitation (as surveyed)',
        example: false,
      },
      occupants: {
        type: { kind: 'integer', min: 0, max: 100 },
        default: 0,
        zh: '災害發生時戶內實際居住人口（0 = 以戶內人口計）',
        en: 'Persons actually living in the home when it struck (0 = the household members)',
        example: 4,
      },
      homeDamagedQuarter: {
        type: { kind: 'boolean' },
        default: false,
        zh: '住屋毀損達居住空間四分之一以上但尚可居住',
        en: 'Damage to at least a quarter of the living space, still habitable',
        example: false,
      },
      floodDepthCm: {
        type: { kind: 'integer', min: 0, max: 2000 },
        default: 0,
        zh: '住屋淹水深度（公分）',
        en: 'Depth of the flooding inside the home (cm)',
        example: 60,
      },
      mudDepthCm: {
        type: { kind: 'integer', min: 0, max: 2000 },
        default: 0,
        zh: '住屋積淤泥深度（公分）',
        en: 'Depth of mud inside the home (cm)',
        example: 0,
      },
      mudOverHalfArea: {
        type: { kind: 'boolean' },
        default: false,
        zh: '住屋積淤泥面積達二分之一以上',
        en: 'Mud covers at least half of the floor area',
        example: false,
      },
      livedAtAddress: {
        type: { kind: 'boolean' },
        default: true,
        zh: '災害發生時已在現址設籍且實際居住',
        en: 'Registered and living at the address when it struck',
        example: true,
      },
      appliedOn: {
        type: { kind: 'date' },
        mayBeAfterPeriod: true,
        zh: '申請日（未填 = 於期限內申請）',
        en: 'Date of the application (absent = applied in time)',
        example: '2024-08-05',
      },
    },
  },
  'medical-expense': {
    entity: 'person',
    zh: '傷病就醫自行負擔之醫療費用（未獲健保或其他補助給付部分；日期為申請補助日）',
    en: 'Medical costs of an illness or injury paid out of pocket, not covered by NHI or other aid (dated the day of the claim)',
    fields: {
      selfPaidNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '該次申請之自行負擔醫療費用',
        en: 'Self-paid medical costs claimed (NTD)',
        example: 45000,
      },
    },
  },
  'hospital-stay': {
    entity: 'person',
    zh: '重傷病住院（日期為出院或申請日），含專人看護及膳食費用',
    en: 'A hospital stay for a serious illness or injury (dated the discharge or claim), with nursing and meal costs',
    fields: {
      days: {
        type: { kind: 'integer', min: 0, max: 366 },
        default: 0,
        zh: '住院日數',
        en: 'Days in hospital',
        example: 10,
      },
      nursingDays: {
        type: { kind: 'integer', min: 0, max: 366 },
        default: 0,
        zh: '專人看護日數',
        en: 'Days with a paid carer (看護)',
        example: 10,
      },
      nursingCostNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '自行負擔之看護費用',
        en: 'Self-paid nursing cost (NTD)',
        example: 25000,
      },
      patientsPerCarer: {
        type: { kind: 'integer', min: 1, max: 20 },
        default: 1,
        zh: '看護同時照顧之病人數（1 = 一對一看護）',
        en: 'Patients the carer looked after at once (1 = one-to-one)',
        example: 1,
      },
      mealCostNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '自行負擔之住院膳食費',
        en: 'Self-paid hospital meal costs (NTD)',
        example: 1800,
      },
      inpatientSelfPaidNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '全民健康保險應自行負擔之住院費用',
        en: 'Inpatient co-payment under the National Health Insurance (NTD)',
        example: 6000,
      },
    },
  },
  emergency: {
    entity: 'household',
    zh: '急難救助之申請（社會救助法第21條、第22條之情形；日期為申請日）',
    en: 'An application for emergency aid (a situation of D0050078 art. 21 or 22; dated the application)',
    fields: {
      situation: {
        type: {
          kind: 'enum',
          values: [
            'death-no-burial-means',
            'injury-or-serious-illness',
            'main-earner-unable-to-work',
            'assets-unavailable',
            'benefit-pending',
            'other-major-event',
            'stranded-away-from-home',
          ],
        },
        required: true,
        zh: '急難事由：戶內人口死亡無力殮葬、意外傷害或重病、負家庭主要生計責任者無法工作、財產或存款未能及時運用、已申請福利或保險給付尚未核准、其他重大變故、流落外地缺乏車資返鄉',
        en: 'The situation: a death with no means for burial, injury or serious illness, the main earner unable to work, assets unavailable, a benefit pending, another major event, stranded without the fare home',
        example: 'injury-or-serious-illness',
      },
      assessedNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '訪視評估核定之救助金額（0 = 依標準最高額；流落外地者為車資及膳費）',
        en: 'Amount assessed by the office (0 = the standard maximum; for stranded persons the fare and a meal)',
        example: 0,
      },
    },
  },
  'immediate-care': {
    entity: 'household',
    zh: '馬上關懷急難救助之申請（負擔家計者遭逢變故致生活陷困，經訪視評估；日期為申請日）',
    en: 'An application for 馬上關懷 emergency aid (the breadwinner hit by a crisis, hardship assessed; dated the application)',
    fields: {
      occurredOn: {
        type: { kind: 'date' },
        required: true,
        zh: '事故發生日',
        en: 'Date the crisis occurred',
        example: '2023-03-10',
      },
      cause: {
        type: {
          kind: 'enum',
          values: [
            'earner-died',
            'earner-missing',
            'earner-seriously-ill-or-injured',
            'earner-unemployed',
            'earner-unable-to-work',
            'other-crisis',
          ],
        },
        required: true,
        zh: '急難事由：負擔家計者死亡、失蹤、罹患重傷病、失業、其他原因無法工作、其他變故',
        en: 'The cause: the breadwinner died, went missing, is seriously ill or injured, unemployed, unable to work otherwise; another crisis',
        example: 'earner-unemployed',
      },
      assessedNtd: {
        type: { kind: 'ntd' },
        required: true,
        zh: '訪視評估核定之關懷救助金',
        en: 'Amount assessed by the visiting worker (NTD)',
        example: 20000,
      },
      previousGrants: {
        type: { kind: 'integer', min: 0, max: 10 },
        default: 0,
        zh: '同一事由已獲救助次數',
        en: 'Grants already made for the same cause',
        example: 0,
      },
    },
  },
  'food-bank-application': {
    entity: 'household',
    zh: '實物銀行物資或食物券之申請或轉介',
    en: 'An application or referral for food-bank goods or food vouchers',
    fields: {
      assessedInHardship: {
        type: { kind: 'boolean' },
        default: false,
        zh: '經社工或區公所評估家庭經濟陷困',
        en: 'Assessed by a social worker or the district office as a household in economic hardship',
        example: true,
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
  'senior-home-improvement': {
    entity: 'household',
    zh: '中低收入老人居家住宅設施設備改善之申請（日期為申請日）',
    en: 'An application to improve the home facilities of a low- or mid-low-income senior (the date is the application)',
    fields: {
      costNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '改善工程或設備費用',
        en: 'Cost of the works or equipment (NTD)',
        example: 30000,
      },
    },
  },
  'elder-protection': {
    entity: 'person',
    zh: '老人因遭受疏忽、虐待、遺棄、無人扶養，未得到基本生活照顧或遭遇緊急事故，經通報評估需保護安置（日期為評估日）',
    en: 'A senior neglected, abused, abandoned, without support or basic care, or in an emergency, assessed as needing protective placement (the date of the assessment)',
    fields: {},
  },
  'home-visit-airfare': {
    entity: 'person',
    zh: '新住民返鄉往返機票費用之申請（設籍前新住民遭逢特殊境遇之家庭扶助計畫）',
    en: 'A claim for a new immigrant’s round-trip airfare home (under the hardship plan for not-yet-registered new immigrants)',
    fields: {
      ticketCostNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '往返機票費用',
        en: 'Round-trip ticket cost (NTD)',
        example: 16000,
      },
    },
  },
  'employment-incentive-claim': {
    entity: 'person',
    zh: '就業脫貧獎勵之申請（就業、創業或考取證照之補習；日期為事由發生日）',
    en: 'A claim under the employment incentives (a job found, a business started, or tutoring for a licence exam; the date it happened)',
    fields: {
      kind: {
        type: { kind: 'enum', values: ['job-found', 'business-started', 'licence-exam-tutoring'] },
        default: 'job-found',
        zh: '事由：就業（就業獎勵津貼）、創業（創業生活津貼）、就業考照補習',
        en: 'What happened: a job found (employment bonus), a business started (start-up living allowance), licence-exam tutoring',
        example: 'job-found',
      },
      costNtd: {
        type: { kind: 'ntd' },
        default: 0,
        zh: '考照補習費用（其他事由免填）',
        en: 'Licence-exam tutoring fees (NTD; other kinds: 0)',
        example: 0,
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
