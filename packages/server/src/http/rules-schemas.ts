import { EVENT_TYPES, HOUSEHOLD_FACTS, PERSON_FACTS, PROGRAMS } from '@safetynet/rules';
import { ROLES } from '@safetynet/rules/engine/population';
import { type Static, Type } from 'typebox';
import { eventSchema, factsObject } from './fact-schemas.ts';
import { IsoDate } from './schemas.ts';

/** Schemas of the rules routes (programs, parameters, calculate); the facts come from the rules' tables. */

export const PersonFactsSchema = factsObject(
  PERSON_FACTS,
  {},
  { description: '個人事實 Facts about a person' },
);

export const HouseholdSchema = factsObject(
  HOUSEHOLD_FACTS,
  {
    members: Type.Object(
      {},
      {
        additionalProperties: Type.String({ enum: [...ROLES] }),
        minProperties: 1,
        maxProperties: 50,
        description:
          '成員及其稱謂：申請人、配偶、直系血親、子女、其他 Members (person id → role): applicant, spouse, lineal_relative, child, other',
        example: { p1: 'applicant', p2: 'spouse', p3: 'child' },
      },
    ),
  },
  { description: '家戶：成員與家戶事實 A household: its members and facts' },
);

export const EventSchema = eventSchema(EVENT_TYPES);

/** A 4-person household in 苓雅區 in June 2024: the father works, the mother cares for a disabled son. */
export const FOUR_PERSON_HOUSEHOLD = {
  period: '2024-06',
  persons: {
    father: { birthDate: '1978-09-12', sex: 'M', employed: true, earnedIncomeNtd: 28_000 },
    mother: {
      birthDate: '1981-02-03',
      sex: 'F',
      workInability: 'caregiver',
      movablePropertyNtd: 60_000,
    },
    son: { birthDate: '2009-11-20', sex: 'M', disabilityLevel: 'moderate', workInability: 'student' },
    daughter: { birthDate: '2014-05-08', sex: 'F' },
  },
  households: {
    h1: {
      members: { father: 'applicant', mother: 'spouse', son: 'child', daughter: 'child' },
      district: '64000080',
    },
  },
  programs: ['low-income-status'],
};

/** The same household later, a grandmother living with them, their home struck by a typhoon; every program. */
const WITH_GRANDMOTHER = {
  period: '2025-03',
  persons: {
    ...FOUR_PERSON_HOUSEHOLD.persons,
    grandmother: { birthDate: '1950-07-15', sex: 'F', otherIncomeNtd: 8_000, immovablePropertyNtd: 900_000 },
  },
  households: {
    h1: {
      members: { ...FOUR_PERSON_HOUSEHOLD.households.h1.members, grandmother: 'lineal_relative' },
      district: '64000080',
    },
  },
  events: [{ type: 'disaster', household: 'h1', date: '2025-03-05', deaths: 0 }],
};

export const CalculateBody = Type.Object(
  {
    period: Type.String({
      pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
      description: '計算月份 The month calculated (YYYY-MM); parameters in force on its first day',
      example: '2024-06',
    }),
    persons: Type.Object(
      {},
      {
        additionalProperties: PersonFactsSchema,
        minProperties: 1,
        maxProperties: 200,
        description: '個人（編號 → 事實） Persons by an id of your choosing, each with facts',
      },
    ),
    households: Type.Object(
      {},
      {
        additionalProperties: HouseholdSchema,
        minProperties: 1,
        maxProperties: 50,
        description: '家戶（編號 → 成員與事實） Households by an id of your choosing',
      },
    ),
    events: Type.Optional(
      Type.Array(EventSchema, {
        maxItems: 200,
        description: '事件（如天然災害） Dated events of the case (a disaster…), each with its type’s fields',
      }),
    ),
    programs: Type.Optional(
      Type.Array(Type.String({ enum: [...PROGRAMS.keys()] }), {
        uniqueItems: true,
        description: '只計算這些方案（預設：全部） Only these programs (default: every program)',
        example: ['low-income-status'],
      }),
    ),
  },
  {
    additionalProperties: false,
    'x-examples': {
      fourPersonHousehold: {
        summary: '四口之家（苓雅區，2024-06） A 4-person household in 苓雅區, June 2024',
        value: FOUR_PERSON_HOUSEHOLD,
      },
      withGrandmother: {
        summary:
          '五口之家遇風災，所有方案（2025-03） With a grandmother, a typhoon, every program, March 2025',
        value: WITH_GRANDMOTHER,
      },
    },
  },
);

const Message = Type.Object({ zh: Type.String(), en: Type.String() });

/**
 * A value or null, as OpenAPI 3.0 writes it (`nullable`): the response serializer writes these directly,
 * where a union (anyOf) would check every value against each branch.
 */
const Nullable = <T extends 'boolean' | 'integer' | 'number'>(type: T, options: { description: string }) =>
  Type.Unsafe<(T extends 'boolean' ? boolean : number) | null>({ type, nullable: true, ...options });

const ResultRefFields = {
  program: Type.String({ description: '方案代碼 Program id', example: 'low-income-status' }),
  entity: Type.String({ enum: ['person', 'household'] }),
  id: Type.String({ description: '個人或家戶編號（同請求） The person or household id of the request' }),
};

export const ResultRef = Type.Object(ResultRefFields, {
  description:
    '此條件為另一方案之結果時，指向 results 中該結果（方案、個人或家戶），其理由列於該處，不重複 ' +
    'When the condition is another program’s result: which result of `results` it is (program, entity, id); ' +
    'its reasons are there, not repeated here',
  example: { program: 'low-income-status', entity: 'household', id: 'h1' },
});

const Reason = Type.Object({
  code: Type.String({ example: 'income-per-capita-at-most-minimum-living-cost' }),
  passed: Nullable('boolean', {
    description: '是否符合；null 表示無法判定 Met; null when it cannot be determined',
  }),
  reference: Type.String({ description: '法令依據 Legal reference', example: 'D0050078 第4條第1項' }),
  message: Message,
  threshold: Nullable('number', {
    description: '門檻（無或未知時為 null） The threshold compared with; null when none or unknown',
  }),
  value: Nullable('number', {
    description: '本案數值（無或未知時為 null） The case’s value; null when none or unknown',
  }),
  because: Type.Optional(ResultRef),
});

export const CalculationResult = Type.Object({
  ...ResultRefFields,
  eligible: Nullable('boolean', {
    description: '是否符合；null 表示無法判定（參數未知） Eligible; null when it cannot be determined',
  }),
  amountNtd: Nullable('integer', {
    description: '每期金額（現金給付方案） Amount per period for cash programs (NTD); null for others',
  }),
  reasons: Type.Array(Reason),
  requested: Type.Boolean({
    description:
      '是否為請求之方案；false 表示僅因所請求之結果依賴它而列出 Whether its program was asked for; false for a ' +
      'result listed only because a result asked for depends on it (a `because` refers to it)',
  }),
});
export type CalculationResultJson = Static<typeof CalculationResult>;

export const ParameterUsed = Type.Object({
  id: Type.String({ example: 'social-assistance.minimum-living-cost' }),
  value: Type.Union([Type.Number(), Type.Literal('unknown')]),
  effectiveFrom: IsoDate,
  source: Type.String({ description: '出處 Source reference', example: '001 四(四)4(5)' }),
  confidence: Type.String({ enum: ['A', 'B', 'C'] }),
});

/**
 * An answer for the example household asked for low-income-student-allowance, shortened to the son and two
 * reasons each: his condition refers to the household's low-income status, listed once after the results
 * asked for.
 */
const DEPENDENCY_EXAMPLE = {
  results: [
    {
      program: 'low-income-student-allowance',
      entity: 'person',
      id: 'son',
      eligible: false,
      amountNtd: 0,
      reasons: [
        {
          code: 'low-income-household',
          passed: true,
          reference: 'D0050078 第10條第1項',
          message: { zh: '屬列冊低收入戶', en: 'in a registered low-income household' },
          threshold: null,
          value: null,
          because: { program: 'low-income-status', entity: 'household', id: 'h1' },
        },
        {
          code: 'child-of-household',
          passed: true,
          reference: '001 三(一)1',
          message: { zh: '為戶內子女', en: 'a child of the household' },
          threshold: null,
          value: null,
        },
      ],
      requested: true,
    },
    {
      program: 'low-income-status',
      entity: 'household',
      id: 'h1',
      eligible: true,
      amountNtd: null,
      reasons: [
        {
          code: 'applicant-registered-in-city',
          passed: true,
          reference: '000 參(二)1',
          message: { zh: '申請人設籍本市', en: 'the applicant is registered in the city' },
          threshold: null,
          value: null,
        },
        {
          code: 'income-per-capita-at-most-minimum-living-cost',
          passed: true,
          reference: 'D0050078 第4條第1項',
          message: {
            zh: '家庭總收入平均分配全家人口，每人每月在最低生活費以下',
            en: 'household income per person per month is at most the minimum living cost',
          },
          threshold: 14_419,
          value: 7_000,
        },
      ],
      requested: false,
    },
  ],
  parameters: [
    {
      id: 'social-assistance.minimum-living-cost',
      value: 14_419,
      effectiveFrom: '2024-01-01',
      source:
        'http://all-moda.com/%E9%AB%98%E9%9B%84%E4%B8%AD%E4%BD%8E%E6%94%B6%E5%85%A5%E6%88%B6%E8%B3%87%E6%A0%BC/',
      confidence: 'B',
    },
  ],
};

export const CalculateResponseSchema = Type.Object(
  {
    results: Type.Array(CalculationResult, {
      description:
        '每一所請求方案之每一個人或家戶之結果，其後為其所依賴而未請求之結果；每個結果只出現一次 ' +
        'Each program asked for, for each person or household, then the results they depend on that were ' +
        'not asked for (`requested: false`); every result appears once, conditions refer to it by `because`',
    }),
    parameters: Type.Array(ParameterUsed, {
      description:
        '計算所用參數（本期間生效值，含所依賴之結果者） The parameters used, as in force in the period (those of the results depended on too)',
    }),
  },
  { example: DEPENDENCY_EXAMPLE },
);

export const ProgramSchema = Type.Object({
  id: Type.String({ description: '方案目錄代碼 Catalog id', example: 'low-income-status' }),
  nameZh: Type.String({ example: '低收入戶資格' }),
  nameEn: Type.String({ example: 'Low-income household status' }),
  kind: Type.String({ enum: ['status', 'cash', 'in-kind', 'service'] }),
  entity: Type.String({ enum: ['person', 'household'] }),
  period: Type.String({ enum: ['month', 'year', 'event', 'status'] }),
  legalBasis: Type.Array(Type.String(), { example: ['D0050078 第4條'] }),
  parameters: Type.Array(Type.String(), {
    description: '使用之參數代碼 Parameter ids the program reads',
    example: ['social-assistance.minimum-living-cost'],
  }),
});

export const ParameterSummary = Type.Object({
  id: Type.String({ example: 'social-assistance.minimum-living-cost' }),
  descriptionZh: Type.String({ example: '高雄市最低生活費' }),
  descriptionEn: Type.String({ example: 'Kaohsiung minimum living cost' }),
  unit: Type.String({ example: 'NTD/month/person' }),
});

const ParameterValueSchema = Type.Object({
  from: { ...IsoDate, description: '生效日 First day in force' },
  value: Type.Union([Type.Number(), Type.Literal('unknown')], {
    description: '數值；unknown 表示無出處可據 The value; unknown when no reference gives it',
  }),
  source: Type.Object({
    kind: Type.String({ enum: ['seed', 'law', 'url', 'reference'] }),
    reference: Type.String({ example: '001 四(四)4(5)' }),
    confidence: Type.String({
      enum: ['A', 'B', 'C'],
      description: 'A 原始條文 primary text; B 次級來源 secondary, consistent; C 未經證實 not confirmed',
    }),
    note: Type.Optional(Type.String()),
  }),
});

export const ParameterDetail = Type.Object({
  ...ParameterSummary.properties,
  values: Type.Array(ParameterValueSchema, { description: '歷次數值，舊到新 Dated history, oldest first' }),
  on: Type.Optional({ ...IsoDate, description: '查詢日（有 ?on= 時） The date asked for with ?on=' }),
  inForce: Type.Optional(
    Type.Union([ParameterValueSchema, Type.Null()], {
      description: '該日生效之數值；尚未生效時為 null The value in force on that date; null before the first',
    }),
  ),
});

export const ParameterQuery = Type.Object(
  { on: Type.Optional({ ...IsoDate, description: '只看此日生效之數值 The value in force on this date' }) },
  { additionalProperties: false },
);

export const RulesIdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 200, pattern: '^[a-z0-9][a-z0-9.-]*$' }) },
  { additionalProperties: false },
);
