import {
  DISABILITY_LEVELS,
  INCOME_TYPES,
  INSURANCE_SCHEMES,
  MARGINAL_RATES,
  PLACEMENT_TYPES,
  PROPERTY_KINDS,
  PROPERTY_TYPES,
  SCHOOL_LEVELS,
  WORK_ABILITY_REASONS,
} from '@safetynet/core/registry/vocabulary';
import { Type } from 'typebox';

/** Request and response schemas shared by the routes (they are also the OpenAPI description). */
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD', examples: ['2023-06-30'] });
export const Uuid = Type.String({ format: 'uuid', examples: ['0190a0c2-7e4f-4abc-8def-0123456789ab'] });
export const DistrictCode = Type.String({
  pattern: '^64000[0-3][0-9]0$',
  description: 'MOI town code of a Kaohsiung district (鄉鎮市區代碼)',
  examples: ['64000080'],
});
export const Source = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'Where the fact comes from (資料來源)',
  examples: ['苓雅區公所'],
});

export const AsOfQuery = Type.Object(
  {
    asOf: Type.Optional({ ...IsoDate, description: 'The record as it was on this date (default: today)' }),
    knownAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Only what had been recorded by then (an audit view)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const District = Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() });

export const PersonSummary = Type.Object({
  id: Uuid,
  idNumber: Type.String({
    description: 'Masked (A12*****89) unless the caller may see it in full',
    examples: ['E12*****83'],
  }),
  idNumberKind: Type.String({ enum: ['national_id', 'resident_new', 'resident_old'] }),
  name: Type.String({ examples: ['王小明'] }),
  sex: Type.String({ enum: ['M', 'F'] }),
  birthDate: IsoDate,
  district: Type.Union([District, Type.Null()]),
  cityRegistrationDate: Type.Union([IsoDate, Type.Null()]),
  residenceDistrictCode: Type.Union([Type.String(), Type.Null()]),
  deathDate: Type.Union([IsoDate, Type.Null()]),
  validFrom: IsoDate,
});

/** A page of results. */
export const Page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export const Change = Type.Object({
  table: Type.String(),
  versionId: Type.String(),
  validFrom: IsoDate,
  validTo: Type.Union([IsoDate, Type.Null()]),
  recordedAt: Type.String({ format: 'date-time' }),
  source: Type.String(),
  data: Type.Object({}, { additionalProperties: true }),
});

/** Fields of each evidence kind (see registry/evidence-kinds.ts). */
export const EVIDENCE_FIELD_SCHEMAS = {
  income: {
    incomeType: Type.String({
      enum: [...INCOME_TYPES],
    }),
    monthlyAmountNtd: Type.Integer({ minimum: 0, maximum: 100_000_000, examples: [28_000] }),
  },
  property: {
    propertyKind: Type.String({ enum: [...PROPERTY_KINDS] }),
    propertyType: Type.String({
      enum: [...PROPERTY_TYPES],
    }),
    valueNtd: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, examples: [1_200_000] }),
    excludedReason: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  disability: {
    level: Type.String({ enum: [...DISABILITY_LEVELS] }),
    icfCategory: Type.Integer({ minimum: 1, maximum: 8, description: 'ICF category 第1類–第8類' }),
  },
  school: {
    schoolLevel: Type.String({
      enum: [...SCHOOL_LEVELS],
    }),
    dayProgram: Type.Optional(Type.Boolean({ default: true })),
    grade: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 7 }), Type.Null()])),
  },
  'tax-bracket': {
    taxYear: Type.Integer({ minimum: 1990, maximum: 2100 }),
    marginalRatePct: Type.Integer({ enum: [...MARGINAL_RATES] }),
  },
  'work-ability': {
    ableToWork: Type.Boolean(),
    reason: Type.String({
      enum: [...WORK_ABILITY_REASONS],
    }),
  },
  placement: {
    placementType: Type.String({
      enum: [...PLACEMENT_TYPES],
    }),
    facilityName: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    publiclyFunded: Type.Optional(Type.Boolean()),
  },
  insurance: {
    scheme: Type.String({
      enum: [...INSURANCE_SCHEMES],
      description:
        '保險別：nhi 全民健保；labour 勞保、farmers 農保、civil_service 公教保、military 軍保 Insurance scheme',
    }),
    monthlyPremiumNtd: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      examples: [826],
      description: '每月自付保險費 Monthly premium the insured pays themselves (NTD)',
    }),
    premiumPaidByGovernment: Type.Optional(
      Type.Boolean({
        default: false,
        description: '保險費已由政府編列預算支付 The premium is paid from a government budget',
      }),
    ),
  },
} as const;
