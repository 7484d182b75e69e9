import { defineProgram } from '../../engine/program.ts';
import { atLeast, livesInCity, requireLowOrMidLowIncome, SENIOR_AGE_GATE, seniorAge } from './common.ts';

/**
 * 獨居老人緊急救援通報 — emergency alarm for seniors living alone (catalog: senior-alarm-service;
 * 000 肆一(十二)2; 001 四(一)5(2)③). Monthly: who qualifies for the connected alarm in the month.
 *
 * 000 肆一(十二)2：「提供在宅緊急救援通報系統及協助安裝扶手，保障獨居失能老人居家生命安全。」
 * 001 四(一)5(2)③：「另對於失能、臥床之中低收入戶獨居老人，強化其安全網絡，裝設24小時連線緊急通報系統」
 * D0050037 第17條第8款 lists 「緊急救援服務」 among the home services for seniors.
 *
 * 「中低收入戶」 (2023) includes low-income households (mid-low-income-status holds for both). 「失能、臥床」 is
 * read as any assessed impairment in daily living (bedridden is the severe end of it).
 */
export const seniorAlarmService = defineProgram({
  id: 'senior-alarm-service',
  nameZh: '獨居老人緊急救援通報',
  nameEn: 'Emergency alarm for seniors living alone',
  kind: 'service',
  entity: 'person',
  period: 'month',
  gate: SENIOR_AGE_GATE,
  legalBasis: ['D0050037 第17條', '000 肆一(十二)2', '001 四(一)5(2)③'],
  parameters: ['seniors.senior-age'],
  formula(ctx) {
    const p = ctx.persons;
    seniorAge(ctx, '000 肆一(十二)2');
    // 「獨居」: on the register of seniors living alone, at home in the city.
    ctx.check(
      {
        code: 'living-alone',
        reference: '000 肆一(十二)2',
        zh: '獨居老人（列冊）',
        en: 'a senior living alone (on the register)',
      },
      p.livingAlone,
    );
    livesInCity(ctx, '000 肆一(十二)2');
    // 「失能、臥床」
    ctx.check(
      {
        code: 'impaired-in-daily-living',
        reference: '001 四(一)5(2)③',
        zh: '失能或臥床（經日常生活活動功能評估）',
        en: 'impaired in daily living or bedridden (assessed)',
      },
      atLeast(p.adlImpairment, 1),
    );
    // 「中低收入戶」
    requireLowOrMidLowIncome(ctx, '001 四(一)5(2)③');
    return undefined;
  },
});
