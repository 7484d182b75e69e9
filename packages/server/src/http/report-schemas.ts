import { type TSchema, Type } from 'typebox';

/** The half-year work report's JSON (GET /api/v1/reports/half-year), as core's report-model.ts builds it. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const ReportFigures = Type.Object(
  {
    persons: Count('人數 Distinct recipients (a household program’s: households)'),
    personTimes: Count('人次 Payments (a household program’s: 戶次)'),
    households: Count('戶數 Distinct households the payments were for'),
    amountNtd: Count('金額 NTD'),
  },
  { description: '核付統計 Counted payments of the period' },
);

const ItemProgram = Type.Object({
  id: Type.String({ description: '方案代碼 Catalog program id' }),
  nameZh: Type.String(),
  entity: Type.String({
    enum: ['person', 'household'],
    description: '給付對象 The recipient: a person or a household',
  }),
  figures: Nullable(ReportFigures),
});

const itemFields = {
  number: Type.String({ description: '編號 As the report numbers it: 三、 (一) 1. (1)' }),
  path: Type.String({ description: '項目 The item’s place, e.g. 四(一)2(1)' }),
  title: Nullable(Type.String({ description: '標題 The report’s heading, where it has one' })),
  titleEn: Nullable(Type.String()),
  label: Nullable(Type.String({ description: '項目名稱 What an item without a heading is about' })),
  status: Type.String({
    enum: ['heading', 'data', 'none-recorded', 'no-data'],
    description:
      'heading: over other items; data: a sentence from measured figures; none-recorded: 本期無核付紀錄 (not a measured zero); no-data: 本系統尚無此項資料',
  }),
  source: Nullable(Type.String({ enum: ['payments', 'registry', 'accounts'] })),
  sentence: Nullable(Type.String({ description: '內文 The sentence in the report’s words' })),
  partWithoutData: Nullable(Type.String({ description: '尚無資料之部分 A part of the item without data' })),
  programs: Type.Array(ItemProgram),
};

/** The report's items nest four levels (四、 (一) 1. (1)); one more is allowed for ①. */
function itemSchema(levels: number): TSchema {
  return Type.Object({
    ...itemFields,
    children: levels > 1 ? Type.Array(itemSchema(levels - 1)) : Type.Array(Type.Never(), { maxItems: 0 }),
  });
}

const Registry = Type.Object(
  {
    asOf: Type.String({ format: 'date' }),
    population: Count('設籍人口 Living persons registered in the city'),
    seniors: Count('65歲以上 Of them 65 or older'),
    withDisabilityCertificate: Count('領有身心障礙證明 Of them holding a valid disability certificate'),
  },
  { description: '戶籍人口 The registry on the period’s last day' },
);

export const HalfYearReportJson = Type.Object(
  {
    bureau: Type.String(),
    title: Type.String({ examples: ['高雄市政府社會局 112年1月至6月 工作報告'] }),
    from: Type.String({ description: 'YYYY-MM' }),
    to: Type.String({ description: 'YYYY-MM' }),
    period: Type.String({ examples: ['112年1月至6月'] }),
    asOf: Type.String({ format: 'date', description: '資料基準日 The period’s last day' }),
    madeOn: Type.String({ format: 'date', description: '製表日期 The day the report was made (Taipei)' }),
    countedStatuses: Type.Array(Type.String(), {
      description: '計入之給付狀態 Payment statuses counted (returned, failed and cancelled are not)',
    }),
    sections: Type.Array(itemSchema(5), { description: '三、社會救助 and 四、福利服務' }),
    registry: Nullable(Registry),
    otherPrograms: Type.Array(
      Type.Object({
        programId: Type.String(),
        nameZh: Type.String(),
        figures: ReportFigures,
        sentence: Type.String(),
      }),
      { description: '其他核付方案 Programs paid in the period that no item counts' },
    ),
    appendix: Type.Array(
      Type.Object({
        programId: Type.String(),
        nameZh: Type.String(),
        path: Nullable(Type.String()),
        districtCode: Type.String(),
        districtName: Type.String(),
        ...ReportFigures.properties,
      }),
      { description: '附表 Per program and district' },
    ),
  },
  { description: '工作報告 The half-year work report' },
);
