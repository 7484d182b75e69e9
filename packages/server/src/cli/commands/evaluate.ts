import { isIsoMonth } from '@safetynet/core/calendar';
import { loadParameters, PROGRAMS } from '@safetynet/rules';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { evaluateCity, storeCityEvaluation } from '../../rules/evaluate-city.ts';
import { latestSnapshot, loadSnapshot, makeSnapshot } from '../../rules/snapshot-store.ts';
import { type Command, UsageError } from '../command.ts';
import { progressBar } from '../progress.ts';

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary:
    '以戶籍資料計算全市各方案 Evaluate every program over the stored population for a month and store the results.',
  options: {
    period: { type: 'string', description: '月份 The month, YYYY-MM (the registry as on its last day)' },
    programs: {
      type: 'string',
      description: '方案代碼，以逗號分隔 Program ids, comma-separated (default: all)',
    },
    'new-snapshot': {
      type: 'boolean',
      description: '重新擷取戶籍快照 Take a new snapshot of the registry even if the month has one',
    },
    'dry-run': { type: 'boolean', description: '只計算不儲存 Evaluate and print the totals, store nothing' },
  },
  async run(options) {
    const period = String(options.period ?? '');
    if (!isIsoMonth(period)) throw new UsageError('--period 須為 YYYY-MM / must be a YYYY-MM month');
    const programs = options.programs ? String(options.programs).split(',') : [...PROGRAMS.keys()];
    const unknown = programs.filter((id) => !PROGRAMS.has(id));
    if (unknown.length) throw new UsageError(`未知的方案 Unknown programs: ${unknown.join(', ')}`);
    const parameters = loadParameters();
    const database = await openDatabase(configFromEnv());
    try {
      await migrateToLatest(database.db);
      const started = performance.now();
      let snapshot = options['new-snapshot'] ? undefined : await latestSnapshot(database, period);
      if (!snapshot) {
        console.error(
          `擷取 ${period} 戶籍快照 taking a snapshot of the registry as on the end of ${period}…`,
        );
        snapshot = await makeSnapshot(database, period);
      }
      const loadStarted = performance.now();
      const population = await loadSnapshot(database, snapshot);
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      const computing = progressBar('計算 evaluating');
      const result = evaluateCity(population, parameters, programs, (done, total) =>
        computing.update(done, total),
      );
      computing.stop();
      let evaluationId: string | undefined;
      if (!options['dry-run']) {
        const storing = progressBar('儲存 storing');
        evaluationId = await storeCityEvaluation(database, {
          snapshotId: snapshot.snapshotId,
          period,
          overrides: [],
          result,
          onProgram: (done, total) => storing.update(done, total),
        });
        storing.stop();
      }
      const byProgram = new Map<string, { eligible: number; undetermined: number; amountNtd: number }>();
      for (const total of result.totals) {
        const sum = byProgram.get(total.program) ?? { eligible: 0, undetermined: 0, amountNtd: 0 };
        sum.eligible += total.eligible;
        sum.undetermined += total.undetermined;
        sum.amountNtd += total.amountNtd;
        byProgram.set(total.program, sum);
      }
      console.log(
        JSON.stringify(
          {
            period,
            snapshotId: snapshot.snapshotId,
            evaluationId,
            persons: snapshot.persons,
            households: snapshot.households,
            snapshotLoadSeconds: Math.round(loadSeconds * 100) / 100,
            computeSeconds: Math.round(result.computeMs) / 1000,
            totalSeconds: Math.round(performance.now() - started) / 1000,
            programs: programs.map((id) => ({
              program: id,
              ...(byProgram.get(id) ?? { eligible: 0, undetermined: 0, amountNtd: 0 }),
            })),
          },
          null,
          2,
        ),
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
