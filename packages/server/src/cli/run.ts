import { parseArgs } from 'node:util';
import { type Command, helpText, UsageError } from './command.ts';
import { auditCommand } from './commands/audit.ts';
import { budgetCommand } from './commands/budget.ts';
import { calcCommand } from './commands/calc.ts';
import { dbCommand } from './commands/db-role.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { exportCommand } from './commands/export.ts';
import { caseloadCommand, generateCommand } from './commands/generate.ts';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { paymentsCommand, payrollCommand } from './commands/payments.ts';
import { reportCommand } from './commands/report.ts';
import { reviewCommand } from './commands/review.ts';
import { serveCommand } from './commands/serve.ts';

/** Every CLI command; each lives in commands/<name>.ts. */
const COMMANDS: Command[] = [
  migrateCommand,
  generateCommand,
  caseloadCommand,
  importCommand,
  exportCommand,
  serveCommand,
  calcCommand,
  evaluateCommand,
  paymentsCommand,
  payrollCommand,
  reviewCommand,
  budgetCommand,
  reportCommand,
  auditCommand,
  dbCommand,
];

function mainHelp(): string {
  return [
    'usage: safetynet <command> [options]',
    '',
    'SafetyNet 社會福利行政平台 — social-welfare administration platform.',
    'Database: DATABASE_URL (PostgreSQL) or the embedded database in SAFETYNET_DATA_DIR (default ./data).',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`),
    '',
    'Run `safetynet <command> --help` for the options of a command.',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(mainHelp());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`未知的指令 Unknown command: ${name}\n\n${mainHelp()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      console.log(helpText(command));
      return 0;
    }
    return (await command.run(values as Record<string, string | boolean | undefined>, positionals)) ?? 0;
  } catch (error) {
    const err = error as Error & { code?: string };
    if (err instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${err.message}\n\n${helpText(command)}`);
      return 2;
    }
    if (err.name === 'DataDirLockedError' || err.name === 'MissingKeysError') {
      console.error(err.message);
      return 1;
    }
    // Anything else: one line for the user; the stack only when asked for (SAFETYNET_DEBUG=1).
    console.error(`錯誤 Error: ${err.message}`);
    if (process.env.SAFETYNET_DEBUG) console.error(err.stack);
    return 1;
  }
}
