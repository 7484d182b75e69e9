import { PLACEMENT_TYPES, SCHOOL_LEVELS } from '@safetynet/core/registry/vocabulary';
import type { FactSpec } from '../engine/fact-spec.ts';

/**
 * What a case says about each person (the API's `persons.{id}`). Each entry is one fact: its type,
 * default and meaning; the engine turns it into a column named like the fact (see engine/fact-spec.ts).
 * Add a fact here, in the section it belongs to, and every program, the API schema and the stored
 * population's snapshot can use it.
 */

export const DISABILITY_LEVELS = ['none', 'mild', 'moderate', 'severe', 'profound'] as const;
export type DisabilityLevelFact = (typeof DISABILITY_LEVELS)[number];
/** 失能程度 as the long-term care assessment (日常生活活動功能 ADL/IADL) rates it; `none` = not dependent. */
export const ADL_IMPAIRMENT_LEVELS = ['none', 'mild', 'moderate', 'severe'] as const;

/** Why a person aged 16–64 cannot work (D0050078 第5-3條第1項); `none` = able to work. */
export const WORK_INABILITY_REASONS = [
  'none',
  'student',
  'disability',
  'illness',
  'caregiver',
  'sole-parent-of-young-child',
  'pregnancy',
  'guardianship',
] as const;
export type WorkInabilityReason = (typeof WORK_INABILITY_REASONS)[number];

export const SCHOOL_LEVEL_FACTS = ['none', ...SCHOOL_LEVELS] as const;
export const PLACEMENT_FACTS = ['none', ...PLACEMENT_TYPES] as const;
/** Where a child under 3 is cared for (托育): public, quasi-public (準公共, contracted) or other settings. */
export const CHILDCARE_SETTINGS = [
  'none',
  'public-center',
  'public-community-home',
  'quasi-public-center',
  'quasi-public-home-carer',
  'other-center',
  'other-home-carer',
] as const;

/**
 * The applicant's situation under 特殊境遇家庭扶助條例 (D0050075 第4條第1項第1–7款), as the district office
 * determined it; `none` = none of them.
 */
export const SPECIAL_CIRCUMSTANCES = [
  'none',
  'spouse-died-or-missing',
  'divorced-after-desertion-or-abuse',
  'domestic-violence-victim',
  'unmarried-pregnancy',
  'sole-carer-of-children',
  'spouse-imprisoned',
  'sudden-hardship',
] as const;
/** Why a child qualifies for 弱勢兒童及少年生活扶助 (000 肆二(十三); D0050180 第3條), as assessed; `none` = none. */
export const VULNERABLE_CHILD_GROUNDS = [
  'none',
  'mid-low-income-in-hardship',
  'pregnancy-or-birth',
  'no-support',
] as const;

// — Identity, registration and residence —
const IDENTITY = {
  birthDate: {
    type: { kind: 'date' },
    required: true,
    zh: '出生日期',
    en: 'Date of birth',
    example: '1955-03-02',
  },
  sex: { type: { kind: 'enum', values: ['M', 'F'] }, default: 'F', zh: '性別', en: 'Sex', example: 'F' },
  registeredInCity: {
    type: { kind: 'boolean' },
    default: true,
    zh: '設籍本市',
    en: 'Registered in the city (設籍)',
    example: true,
  },
  registeredSince: {
    type: { kind: 'date' },
    defaultFact: 'birthDate',
    zh: '設籍本市日期（未填則以出生日期計）',
    en: 'Date the city registration began (default: the birth date)',
    example: '1990-01-01',
  },
  residesInCity: {
    type: { kind: 'boolean' },
    default: true,
    zh: '實際居住本市',
    en: 'Actually lives in the city',
    example: true,
  },
  daysInTaiwanLastYear: {
    type: { kind: 'integer', min: 0, max: 366 },
    default: 365,
    zh: '最近一年居住國內日數',
    en: 'Days lived in Taiwan in the last year',
    example: 365,
  },
  birthOrder: {
    type: { kind: 'integer', min: 1, max: 20 },
    default: 1,
    zh: '出生別（第幾名子女，依父母計）',
    en: 'Birth order among the parents’ children (1 = first child)',
    example: 1,
  },
  newImmigrant: {
    type: { kind: 'boolean' },
    default: false,
    zh: '新住民（外籍、大陸地區或港澳地區配偶）',
    en: 'New immigrant (a foreign, mainland Chinese, Hong Kong or Macau spouse)',
    example: false,
  },
  indigenous: {
    type: { kind: 'boolean' },
    default: false,
    zh: '原住民',
    en: 'Indigenous (原住民身分)',
    example: false,
  },
} as const satisfies Record<string, FactSpec>;

// — Income, property and work (D0050078 第5-1條至第5-3條) —
const MEANS = {
  earnedIncomeNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月工作收入',
    en: 'Monthly work income (NTD)',
    example: 0,
  },
  propertyIncomeNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月動產及不動產收益',
    en: 'Monthly income from property (NTD)',
    example: 0,
  },
  otherIncomeNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月其他收入',
    en: 'Other monthly income, not social assistance (NTD)',
    example: 0,
  },
  employed: { type: { kind: 'boolean' }, default: false, zh: '已就業', en: 'Employed', example: false },
  registeredUnemployed: {
    type: { kind: 'boolean' },
    default: false,
    zh: '經公立就業服務機構認定失業或參加全日制職訓',
    en: 'Registered unemployed, or in full-time government training',
    example: false,
  },
  workInability: {
    type: { kind: 'enum', values: WORK_INABILITY_REASONS },
    default: 'none',
    zh: '無工作能力事由（社會救助法第5-3條）',
    en: 'Reason unable to work (D0050078 art. 5-3); none = able',
    example: 'none',
  },
  movablePropertyNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '動產（存款、投資、有價證券等）',
    en: 'Movable property (NTD)',
    example: 0,
  },
  immovablePropertyNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '不動產（土地及房屋價值）',
    en: 'Immovable property (NTD)',
    example: 0,
  },
  taxRatePct: {
    type: { kind: 'integer', min: 0, max: 40, allowed: [0, 5, 12, 20, 30, 40] },
    default: 0,
    zh: '家庭綜合所得稅最高適用稅率（%）',
    en: 'Highest income-tax marginal rate of the household (%)',
    example: 5,
  },
  nhiPremiumNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月全民健康保險自付保險費',
    en: 'Monthly self-paid National Health Insurance premium (NTD)',
    example: 826,
  },
  cashInsurancePremiumNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月現金給付社會保險（勞保、農保、公教保、軍保等）自付保險費',
    en: 'Monthly self-paid premium of cash-benefit social insurance (labour, farmers, civil servants, military) (NTD)',
    example: 0,
  },
  nhiPremiumPaidByGovernment: {
    type: { kind: 'boolean' },
    default: false,
    zh: '全民健保保險費已由政府其他預算支付（內政部、銓敘部、退輔會等編列預算補助者）',
    en: 'NHI premium already paid from another government budget (Interior, Civil Service, Veterans Affairs…)',
    example: false,
  },
} as const satisfies Record<string, FactSpec>;

// — Health and disability —
const HEALTH = {
  disabilityLevel: {
    type: { kind: 'enum', values: DISABILITY_LEVELS },
    default: 'none',
    zh: '身心障礙等級（有效證明）',
    en: 'Disability level on a valid certificate',
    example: 'none',
  },
  visuallyImpaired: {
    type: { kind: 'boolean' },
    default: false,
    zh: '視覺障礙',
    en: 'Visually impaired (certificate)',
    example: false,
  },
  dementia: { type: { kind: 'boolean' }, default: false, zh: '失智症', en: 'Has dementia', example: false },
  mentalIllness: {
    type: { kind: 'boolean' },
    default: false,
    zh: '精神疾病（經醫師診斷）',
    en: 'Mental illness diagnosed by a physician',
    example: false,
  },
  developmentalDelay: {
    type: { kind: 'boolean' },
    default: false,
    zh: '發展遲緩（經評估）',
    en: 'Developmental delay (assessed)',
    example: false,
  },
  selfPaidMedicalCostsNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '最近三個月內自行負擔之醫療費用（未獲其他補助或保險給付部分）',
    en: 'Medical costs paid out of pocket in the last three months, not covered by other aid or insurance (NTD)',
    example: 0,
  },
  vulnerableChildMedicalPaidThisYearNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '本年度已領弱勢兒童及少年住院醫療及看護費用補助（本月以前）',
    en: 'Vulnerable-child inpatient and nursing subsidy already paid this year, before this month (NTD)',
    example: 0,
  },
  specialCircumstanceMedicalPaidThisYearNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '本年度已領特殊境遇家庭傷病醫療補助',
    en: 'Special-circumstance medical subsidy already paid this year (NTD)',
    example: 0,
  },
  medicalSubsidyPaidThisYearNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '本年度（本月以前）已領經濟弱勢市民醫療補助',
    en: 'Medical subsidy for economically disadvantaged residents already paid this year, before this month (NTD)',
    example: 0,
  },
  nursingSubsidyPaidThisYearNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '本年度（本月以前）已領重傷病住院看護費補助',
    en: 'Hospital nursing subsidy already paid this year, before this month (NTD)',
    example: 0,
  },
  pregnant: { type: { kind: 'boolean' }, default: false, zh: '懷孕中', en: 'Pregnant', example: false },
  dailyLivingDependent: {
    type: { kind: 'boolean' },
    default: false,
    zh: '日常生活需他人協助（失能，經需求評估）',
    en: 'Needs others’ help in daily living (assessed as dependent)',
    example: false,
  },
  lifeSupportDeviceAtHome: {
    type: { kind: 'boolean' },
    default: false,
    zh: '居家使用維生器材或必要生活輔具（經醫師診斷或專業評估）',
    en: 'Uses a life-support device or necessary assistive device at home (diagnosed or assessed)',
    example: false,
  },
  adlImpairment: {
    type: { kind: 'enum', values: ADL_IMPAIRMENT_LEVELS },
    default: 'none',
    zh: '失能程度（經日常生活活動功能評估；none = 未失能）',
    en: 'Degree of functional impairment in daily living as assessed (none = not impaired)',
    example: 'none',
  },
} as const satisfies Record<string, FactSpec>;

// — School —
const SCHOOL = {
  schoolLevel: {
    type: { kind: 'enum', values: SCHOOL_LEVEL_FACTS },
    default: 'none',
    zh: '就學階段（none = 未就學）',
    en: 'School level (none = not in school)',
    example: 'none',
  },
  schoolGrade: {
    type: { kind: 'integer', min: 0, max: 7 },
    default: 0,
    zh: '年級（0 = 不適用）',
    en: 'Grade within the level (0 = not applicable)',
    example: 0,
  },
  dayProgram: {
    type: { kind: 'boolean' },
    default: true,
    zh: '日間部',
    en: 'In a day programme (not evening or extension)',
    example: true,
  },
  tuitionFeesNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '本學年學雜費',
    en: 'Tuition and fees of the school year (NTD)',
    example: 0,
  },
  examTutoringFeesNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '本學年因升學需要參加補習教育之費用',
    en: 'Fees paid this school year for tutoring to prepare for the next entrance examination (NTD)',
    example: 0,
  },
} as const satisfies Record<string, FactSpec>;

// — Care, placement and living situation —
const CARE = {
  placement: {
    type: { kind: 'enum', values: PLACEMENT_FACTS },
    default: 'none',
    zh: '安置或收容類型（none = 無）',
    en: 'Placement or institutional care (none = not placed)',
    example: 'none',
  },
  placedSince: {
    type: { kind: 'date' },
    zh: '安置起始日',
    en: 'Date the placement began',
    example: '2022-03-01',
  },
  childcareSetting: {
    type: { kind: 'enum', values: CHILDCARE_SETTINGS },
    default: 'none',
    zh: '送托之托育服務（none = 未送托；公共托嬰中心、社區公共托育家園、準公共托嬰中心、準公共居家托育人員、其他托嬰中心、其他居家托育人員）',
    en: 'Childcare the child is in (none; public centre, community public childcare home, quasi-public centre, quasi-public home carer, other centre, other home carer)',
    example: 'none',
  },
  childcareFullDay: {
    type: { kind: 'boolean' },
    default: false,
    zh: '全日托育（居家托育人員收托逾日間時段）',
    en: 'Full-day care (a home carer beyond daytime hours)',
    example: false,
  },
  childcareGroupInsurancePremiumNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '本年度托嬰中心幼童團體保險費',
    en: 'Group insurance premium paid this year for the child at a childcare centre (NTD)',
    example: 0,
  },
  quasiPublicChildcareWorkerSince: {
    type: { kind: 'date' },
    zh: '任職準公共托嬰中心專業人員（托育、主管、護理人員）之起始日（未填 = 非此類人員）',
    en: 'Date the person began working as a professional at a quasi-public childcare centre (absent = not one)',
    example: '2020-09-01',
  },
  specialCircumstance: {
    type: { kind: 'enum', values: SPECIAL_CIRCUMSTANCES },
    default: 'none',
    zh: '特殊境遇家庭扶助條例第4條第1項之情形（申請人；none = 無）',
    en: 'Situation under D0050075 art. 4(1) (the applicant; none = none)',
    example: 'none',
  },
  singleParent: {
    type: { kind: 'boolean' },
    default: false,
    zh: '單親獨自扶養子女（離婚、喪偶、未婚、配偶失蹤或服刑等，經認定之弱勢單親家庭申請人）',
    en: 'Single parent raising the children alone (divorced, widowed, unmarried, spouse missing or in prison)',
    example: false,
  },
  vulnerableChildGround: {
    type: { kind: 'enum', values: VULNERABLE_CHILD_GROUNDS },
    default: 'none',
    zh: '弱勢兒童及少年生活扶助事由（中低收入戶生活陷困、因懷孕或生育遭遇困境、無力撫育或無人扶養；經評估）',
    en: 'Ground for the vulnerable-child allowance as assessed (mid-low-income in hardship, pregnancy or birth, no one able to support)',
    example: 'none',
  },
  independentLivingAssessed: {
    type: { kind: 'boolean' },
    default: false,
    zh: '經社工員評估不適安置且不宜返家、需獨立自立生活之少年',
    en: 'Assessed by a social worker as a youth who should neither be placed nor return home and needs to live independently',
    example: false,
  },
  guardianUnableToPayPremium: {
    type: { kind: 'boolean' },
    default: false,
    zh: '監護人無力負擔其全民健康保險保險費',
    en: 'The guardian cannot pay the child’s National Health Insurance premium',
    example: false,
  },
  inPrivateChildcare: {
    type: { kind: 'boolean' },
    default: false,
    zh: '送托私立托教機構（私立托嬰中心、居家托育人員或私立幼兒園）',
    en: 'In private childcare or a private preschool',
    example: false,
  },
  livingAlone: {
    type: { kind: 'boolean' },
    default: false,
    zh: '獨居',
    en: 'Lives alone (on the register of seniors living alone)',
    example: false,
  },
  homeless: {
    type: { kind: 'boolean' },
    default: false,
    zh: '遊民（街友）',
    en: 'Homeless',
    example: false,
  },
  lacksFamilySupport: {
    type: { kind: 'boolean' },
    default: false,
    zh: '缺乏家庭資源（無家屬可照顧或負擔，經社工評估）',
    en: 'No family able to care for or support the person (social worker’s assessment)',
    example: false,
  },
  usesHomeCare: {
    type: { kind: 'boolean' },
    default: false,
    zh: '使用居家服務',
    en: 'Receives home-care services',
    example: false,
  },
  careFeeNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月日間照顧或住宿式照顧費用',
    en: 'Monthly fee of day care or residential care (NTD)',
    example: 0,
  },
  hiresCareWorker: {
    type: { kind: 'boolean' },
    default: false,
    zh: '僱用看護（傭）',
    en: 'Employs a paid carer or live-in care worker',
    example: false,
  },
  inRatedCareInstitution: {
    type: { kind: 'boolean' },
    default: false,
    zh: '進住本市立案且經政府最近一次評鑑為優、甲等之老人長期照顧機構或護理之家',
    en: 'Lives in a city-licensed senior long-term care institution or nursing home rated excellent or A at its last government evaluation',
    example: false,
  },
  incarcerated: {
    type: { kind: 'boolean' },
    default: false,
    zh: '入獄服刑、因案羈押或依法拘禁中',
    en: 'In prison, in pre-trial detention or otherwise lawfully detained',
    example: false,
  },
  taxiRidesThisMonth: {
    type: { kind: 'integer', min: 0, max: 200 },
    default: 0,
    zh: '本月搭乘計程車趟次',
    en: 'Taxi rides taken in the month',
    example: 0,
  },
  parkingRentNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月承租停車位租金',
    en: 'Monthly rent of a parking space (NTD)',
    example: 0,
  },
  parkingLoanInterestNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月購買停車位貸款利息',
    en: 'Monthly interest on a loan to buy a parking space (NTD)',
    example: 0,
  },
} as const satisfies Record<string, FactSpec>;

// — Asset-building accounts (脫貧自立, 000 參(一)) —
const ASSET_BUILDING = {
  assetAccountSince: {
    type: { kind: 'date' },
    zh: '加入脫貧儲蓄帳戶方案日期（青年發展帳戶、兒少未來帳戶、存薪當young）',
    en: 'Date the person joined an asset-building account programme (youth development, children’s future, 存薪當young)',
    example: '2023-08-01',
  },
  assetAccountSavingNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '本月存入帳戶之自存款',
    en: 'The participant’s own deposit into the account this month (NTD)',
    example: 2000,
  },
  assetAccountDepositsThisYearNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '本年度家長（或本人）已存入帳戶之金額',
    en: 'Deposits the family (or the participant) made into the account so far this year (NTD)',
    example: 10000,
  },
  courseHoursThisYear: {
    type: { kind: 'integer', min: 0, max: 2000 },
    default: 0,
    zh: '本方案年度已參加之教育、輔導課程時數',
    en: 'Hours of the programme’s courses and counselling attended in the current programme year',
    example: 30,
  },
  volunteerHoursThisYear: {
    type: { kind: 'integer', min: 0, max: 2000 },
    default: 0,
    zh: '本年度社區志願服務時數',
    en: 'Hours of community volunteer service in the current (programme) year',
    example: 36,
  },
} as const satisfies Record<string, FactSpec>;

export const PERSON_FACTS = {
  ...IDENTITY,
  ...MEANS,
  ...HEALTH,
  ...SCHOOL,
  ...CARE,
  ...ASSET_BUILDING,
} as const satisfies Record<string, FactSpec>;

export type PersonFactName = keyof typeof PERSON_FACTS;
export type PersonFacts = { [K in PersonFactName]?: unknown };
