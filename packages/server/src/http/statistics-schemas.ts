import { AGE_BANDS, MEASURES } from '@safetynet/core/reports/statistics-definitions';
import { type TSchema, Type } from 'typebox';
import { TABLE_CONTENT_TYPES } from '../reports/table-export.ts';

/** Query and response schemas of the statistics routes (routes/statistics.ts); also their OpenAPI text. */
const Month = (description: string) =>
  Type.String({
    pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
    description: `${description}, YYYY-MM`,
    examples: ['2024-01'],
  });

export const PeriodQuery = {
  from: Month('起始月份 First month'),
  to: Month('結束月份 Last month (at most 60 months after from)'),
};

export const ProgramList = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: '方案目錄代碼，以逗號分隔 Catalog ids, comma-separated (default: every program with payments)',
  examples: ['senior-living-allowance,low-income-child-allowance'],
});

export const ProgramId = Type.String({
  minLength: 1,
  maxLength: 80,
  description: '方案目錄代碼 Catalog id',
  examples: ['senior-living-allowance'],
});

export const MeasureQuery = Type.Optional(
  Type.String({
    enum: [...MEASURES],
    default: 'persons',
    description:
      '圖表之量數 What the chart shows: persons 人數 (households for a household program), personTimes 人次, households 戶數, amountNtd 金額',
  }),
);

export const ChartFormat = Type.Optional(
  Type.String({
    enum: ['json', 'csv', 'xlsx', 'svg'],
    default: 'json',
    description: '格式 json (the figures), csv or xlsx (the table), svg (the chart)',
  }),
);

export const LanguageQuery = Type.Optional(
  Type.String({
    enum: ['zh-TW', 'en'],
    default: 'zh-TW',
    description: '檔案與圖表之語言 The language of the file’s headers and the chart’s texts',
  }),
);

const Count = (description: string) => Type.Integer({ minimum: 0, description });
export const FigureFields = {
  persons: Count(
    '人數：不重複之受益人（撥付予家戶之方案為戶） Distinct recipients (households for a household program)',
  ),
  personTimes: Count('人次：撥付筆數 Payments'),
  households: Count('戶數：不重複之家戶 Distinct households'),
  amountNtd: Count('金額（元） Amount, NTD'),
};

export const ProgramNames = Type.Object({
  id: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
});

export const TrendJson = Type.Object({
  from: Type.String(),
  to: Type.String(),
  months: Type.Array(Type.String()),
  programs: Type.Array(ProgramNames),
  items: Type.Array(Type.Object({ programId: Type.String(), period: Type.String(), ...FigureFields })),
});

export const DistrictsJson = Type.Object({
  from: Type.String(),
  to: Type.String(),
  program: ProgramNames,
  items: Type.Array(
    Type.Object({
      districtCode: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      ...FigureFields,
    }),
  ),
  total: Type.Object(FigureFields, { description: '全市 The whole city (each recipient once)' }),
});

export const AgeSexJson = Type.Object({
  from: Type.String(),
  to: Type.String(),
  ageOn: Type.String({
    description: '年齡計算日（期末） The day ages are computed on: the last day of the period',
  }),
  bands: Type.Array(
    Type.Object({
      id: Type.String(),
      from: Type.Integer(),
      to: Type.Union([Type.Integer(), Type.Null()]),
      labelZh: Type.String(),
      labelEn: Type.String(),
    }),
    { description: `年齡組 Age bands: ${AGE_BANDS.map((b) => b.id).join(', ')}` },
  ),
  programs: Type.Array(
    Type.Object({
      id: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      counted: Type.String({
        enum: ['recipient', 'payee'],
        description:
          '計算對象：recipient 受益人本人；payee 撥付予家戶之方案，以該戶之受款人計 Who is counted: the recipient, or for a household program the household’s payee',
      }),
    }),
  ),
  items: Type.Array(
    Type.Object({
      programId: Type.Union([Type.String(), Type.Null()], {
        description: 'null：所選方案合計（同一人只計一次） All programs asked for together, each person once',
      }),
      ageBand: Type.String(),
      sex: Type.String({ enum: ['M', 'F'] }),
      persons: FigureFields.persons,
      personTimes: FigureFields.personTimes,
      amountNtd: FigureFields.amountNtd,
    }),
  ),
});

const binary = (description: string) =>
  Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });

/** A 200 answered as JSON, CSV, XLSX or the chart's SVG. */
export function chartResponse(json: TSchema) {
  return {
    200: {
      description: '統計 The statistic',
      content: {
        'application/json': { schema: json },
        'text/csv': { schema: Type.String({ description: 'UTF-8 CSV with a byte-order mark' }) },
        [TABLE_CONTENT_TYPES.xlsx]: { schema: binary('Excel workbook') },
        'image/svg+xml': { schema: Type.String({ description: 'The chart as SVG' }) },
      },
    },
  };
}
