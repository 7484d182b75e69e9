import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Command } from '../command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: '更新資料庫結構至最新版本 Apply every pending database migration (forward-only).',
  options: {},
  async run() {
    const database = await openDatabase(configFromEnv());
    try {
      const applied = await migrateToLatest(database.db);
      console.log(
        JSON.stringify({
          engine: database.engine,
          applied,
          status: applied.length ? 'migrated' : 'up-to-date',
        }),
      );
    } finally {
      await database.close();
    }
    return 0;
  },
};
