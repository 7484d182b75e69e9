import { operatorTrail } from '../../audit/operator.ts';
import { runMonthlyPayments } from '../../benefits/payment-run.ts';
import { loadDemoPlans } from '../../budget/sample-plan.ts';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../identity/demo-accounts.ts';
import { resolveIdKeys } from '../../identity/id-keys.ts';
import { IdProtector } from '../../identity/id-protector.ts';
import { identityServices } from '../../identity/services.ts';
import { DEMO_SCALE, loadSyntheticCity } from '../../synth/load.ts';
import { caseloadStep } from '../caseload-step.ts';
import { type Command, UsageError } from '../command.ts';
import { progressBar } from '../progress.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: '啟動伺服器 Start the HTTP server (API, OpenAPI at /openapi.json, docs at /docs).',
  options: {
    port: { type: 'string', description: '連接埠 Port (default: PORT or 3000)' },
    host: { type: 'string', description: '介面 Interface to listen on (default: HOST or 127.0.0.1)' },
    demo: {
      type: 'boolean',
      description:
        '示範模式：空資料庫時先載入示範城市，並建立示範帳號（僅內嵌資料庫） Load the demo city into an empty database first, with demo accounts (embedded database only)',
    },
    'demo-accounts': {
      type: 'boolean',
      description:
        '建立示範帳號（密碼 demo-password），即使使用 DATABASE_URL Create the demo accounts (password demo-password) even with DATABASE_URL',
    },
  },
  async run(options) {
    const port = Number(options.port ?? process.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError('--port 須為 0–65535 / must be 0–65535');
    const host = String(options.host ?? process.env.HOST ?? '127.0.0.1');
    const database = await openDatabase(configFromEnv());
    try {
      await migrateToLatest(database.db);
      const protector = new IdProtector(resolveIdKeys(process.env, database));
      if (options.demo) {
        const anyone = await database.db.selectFrom('person').select('person_id').limit(1).executeTakeFirst();
        if (!anyone) {
          console.log(`載入示範城市 Loading the demo city (scale ${DEMO_SCALE}) — once, the first time…`);
          const bar = progressBar('示範城市 demo city');
          const summary = await loadSyntheticCity(database, {
            scale: DEMO_SCALE,
            seed: 1,
            onProgress: (done, total) => bar.update(done, total),
          });
          bar.stop();
          console.log(
            `已載入 Loaded ${summary.persons} persons in ${summary.households} households (${summary.seconds} s).`,
          );
          const caseload = await caseloadStep(database, summary.asOf.slice(0, 7));
          console.log(
            `個案量 Caseload of ${caseload.period}: ${caseload.entitlements} entitlements from ${caseload.applications} applications.`,
          );
          // The caseload's month paid, so citizens see payments and the payment screens a run.
          const paid = await runMonthlyPayments(
            database,
            caseload.period,
            operatorTrail(database, 'demo payment run'),
          );
          console.log(`撥款 Paid ${caseload.period}: ${paid.created} payments, ${paid.totalNtd} NTD.`);
        }
        await loadDemoPlans(database, operatorTrail(database, 'demo budget plans'));
      }
      // Demo accounts have a published password: never on a production database unless asked for.
      const demoAccounts =
        (options.demo && database.engine === 'pglite') || options['demo-accounts']
          ? await ensureDemoAccounts(identityServices(database.db, protector))
          : [];
      // Loaded here: the web server's modules are most of the CLI's, and the other commands need none of them.
      const { buildServer } = await import('../../http/app.ts');
      const app = await buildServer({ database, protector, logger: false });
      const address = await app.listen({ port, host });
      const url = address.replace('127.0.0.1', 'localhost');
      console.log(`SafetyNet 社會安全網 is running (${database.engine}): ${url}`);
      console.log(`  網頁 Web app: ${url}/  (工作人員 staff, 市民 citizens, 福利試算 screener)`);
      console.log(
        `  API docs 文件: ${url}/docs   OpenAPI: ${url}/openapi.json   health: ${url}/api/v1/health`,
      );
      if (demoAccounts.length > 0) {
        console.log(`  示範帳號 Demo accounts (password 密碼: ${DEMO_PASSWORD}; sign in at ${url}/signin):`);
        for (const account of demoAccounts) console.log(`    ${account.username.padEnd(18)} ${account.note}`);
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      console.log('停止中 Stopping…');
      await app.close();
      return 0;
    } finally {
      await database.close();
    }
  },
};
