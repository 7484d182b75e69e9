import { operatorTrail } from '../../audit/operator.ts';
import { loadSamplePlan } from '../../budget/sample-plan.ts';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { type Command, UsageError } from '../command.ts';

const USAGE = '用法 usage: safetynet budget load-sample';

/**
 * `safetynet budget load-sample`: the 2018 (民國107年) plan-budget table of seed 000 as the sample plan,
 * once; again, it leaves the plan as it is. Ends with one JSON summary line.
 */
export const budgetCommand: Command = {
  name: 'budget',
  usage: 'load-sample',
  summary:
    '施政計畫與預算 `budget load-sample`: load the 2018 plan-budget table (seed 000) as the sample plan, once.',
  options: {},
  async run(_values, positionals) {
    if (positionals.length !== 1 || positionals[0] !== 'load-sample') throw new UsageError(USAGE);
    const database = await openDatabase(configFromEnv());
    try {
      await migrateToLatest(database.db);
      const loaded = await loadSamplePlan(database, operatorTrail(database, 'budget sample plan'));
      console.log(JSON.stringify(loaded));
      return 0;
    } finally {
      await database.close();
    }
  },
};
