import { isIsoDate, isIsoMonth } from '@safetynet/core/calendar';
import { MAX_SCALE } from '@safetynet/core/synth/generate';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { GenerateRefusedError, loadSyntheticCity } from '../../synth/load.ts';
import { caseloadLines, caseloadStep } from '../caseload-step.ts';
import { type Command, UsageError } from '../command.ts';
import { progressBar } from '../progress.ts';

export const generateCommand: Command = {
  name: 'generate',
  summary:
    '產生合成高雄市人口 Generate a deterministic synthetic Kaohsiung (scale 1 ≈ 2.74 million persons).',
  options: {
    scale: {
      type: 'string',
      default: '0.01',
      description: '規模 Scale: 1 = the whole city; 0.01 = one in a hundred',
    },
    seed: { type: 'string', default: '1', description: '亂數種子 Seed: the same seed gives the same city' },
    'as-of': {
      type: 'string',
      default: '2023-06-30',
      description: '基準日 The city as on this date (YYYY-MM-DD)',
    },
    replace: { type: 'boolean', description: '清空現有戶籍資料後重新產生 Empty the registry first' },
    'caseload-period': {
      type: 'string',
      description:
        '現有個案量之月份 The month whose caseload (applications, decisions, entitlements) the rules give the city (YYYY-MM; default: the month of --as-of)',
    },
    'no-caseload': {
      type: 'boolean',
      description: '只產生戶籍，不產生個案量 The registry only, no caseload',
    },
  },
  async run(options) {
    const scale = Number(options.scale);
    const seed = Number(options.seed);
    const asOf = String(options['as-of']);
    if (!(scale > 0 && scale <= MAX_SCALE))
      throw new UsageError(`--scale 須介於 0 與 ${MAX_SCALE} / must be > 0 and ≤ ${MAX_SCALE}`);
    if (!Number.isSafeInteger(seed)) throw new UsageError('--seed 須為整數 / must be a whole number');
    if (!isIsoDate(asOf)) throw new UsageError('--as-of 須為 YYYY-MM-DD / must be a YYYY-MM-DD date');
    const caseloadPeriod = String(options['caseload-period'] ?? asOf.slice(0, 7));
    if (!isIsoMonth(caseloadPeriod))
      throw new UsageError('--caseload-period 須為 YYYY-MM / must be a YYYY-MM month');
    const database = await openDatabase(configFromEnv());
    const bar = progressBar('產生 generating');
    try {
      await migrateToLatest(database.db);
      const summary = await loadSyntheticCity(database, {
        scale,
        seed,
        asOf,
        replace: options.replace === true,
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.stop();
      if (options['no-caseload']) {
        console.log(JSON.stringify(summary));
        return 0;
      }
      const caseload = await caseloadStep(database, caseloadPeriod);
      for (const line of caseloadLines(caseload)) console.error(line);
      const { programs: _programs, ...caseloadTotals } = caseload;
      console.log(JSON.stringify({ ...summary, caseload: caseloadTotals }));
      return 0;
    } catch (error) {
      bar.stop();
      if (error instanceof GenerateRefusedError) {
        console.error(error.message);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};

/** The caseload alone, on a city already loaded (e.g. generated with --no-caseload, or for another month). */
export const caseloadCommand: Command = {
  name: 'caseload',
  summary:
    '以規則為已載入之城市產生現有個案量 File, decide and grant what the loaded city qualifies for in a month.',
  options: {
    period: { type: 'string', description: '月份 The month, YYYY-MM' },
  },
  async run(options) {
    const period = String(options.period ?? '');
    if (!isIsoMonth(period)) throw new UsageError('--period 須為 YYYY-MM / must be a YYYY-MM month');
    const database = await openDatabase(configFromEnv());
    try {
      await migrateToLatest(database.db);
      const summary = await caseloadStep(database, period);
      for (const line of caseloadLines(summary)) console.error(line);
      const { programs: _programs, ...totals } = summary;
      console.log(JSON.stringify(totals));
      return 0;
    } finally {
      await database.close();
    }
  },
};
