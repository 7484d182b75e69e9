import { operatorTrail } from '../../audit/operator.ts';
import { runAnnualReview } from '../../benefits/annual-review.ts';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { type Command, UsageError } from '../command.ts';
import { progressBar } from '../progress.ts';

const STAGES = {
  snapshot: '戶籍快照 snapshot',
  evaluate: '重新計算 evaluating',
  write: '寫入清單 writing items',
} as const;

/**
 * `safetynet review --year 2024`: the annual review (年度調查) of every entitlement in force in January of
 * the year, with that year's parameters; again: the same review, unconfirmed items refreshed. Progress
 * bars on a terminal, then one JSON summary line.
 */
export const reviewCommand: Command = {
  name: 'review',
  summary:
    '年度調查 `review --year YYYY`: evaluate every entitlement in force in January again with the year’s parameters (continue, change, end); clerks confirm the items.',
  options: {
    year: { type: 'string', description: '調查年度（西元） The year, e.g. 2024' },
    'chunk-size': {
      type: 'string',
      description: '每次寫入之項目數 Items per statement',
      default: '5000',
    },
  },
  async run(values, positionals) {
    if (positionals.length) throw new UsageError('用法 usage: safetynet review --year YYYY');
    const year = Number(values.year ?? '');
    if (!/^[0-9]{4}$/.test(String(values.year ?? '')) || year < 2000 || year > 2200)
      throw new UsageError('--year 須為西元年 / must be a year such as 2024');
    const chunkSize = Number(values['chunk-size'] ?? 5000);
    if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
      throw new UsageError('--chunk-size 須為正整數 / must be a positive integer');
    const database = await openDatabase(configFromEnv());
    try {
      await migrateToLatest(database.db);
      const trail = operatorTrail(database, 'annual review');
      // One bar per stage, each stopped when the next begins.
      let current: { stage: keyof typeof STAGES; bar: ReturnType<typeof progressBar> } | undefined;
      const summary = await runAnnualReview(database, year, trail, {
        chunkSize,
        onProgress(stage, done, total) {
          if (current?.stage !== stage) {
            current?.bar.stop();
            current = { stage, bar: progressBar(STAGES[stage]) };
          }
          current.bar.update(done, total);
        },
      });
      current?.bar.stop();
      console.log(
        JSON.stringify({
          year,
          reviewed: summary.reviewed,
          continue: summary.continue,
          change: summary.change,
          end: summary.end,
          reviewId: summary.reviewId,
          confirmedBefore: summary.confirmedBefore,
          seconds: summary.seconds,
        }),
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
