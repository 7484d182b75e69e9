import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { description: string };

export interface Command {
  name: string;
  /** One line, Traditional Chinese then English. */
  summary: string;
  /** Positional arguments, e.g. `<file>`. */
  usage?: string;
  options: Record<string, OptionSpec>;
  run(
    options: Record<string, string | boolean | undefined>,
    positionals: string[],
  ): Promise<number | undefined>;
}

/** A mistake of the user's: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function helpText(command: Command): string {
  const lines = [
    `usage: safetynet ${command.name}${command.usage ? ` ${command.usage}` : ''} [options]`,
    '',
    command.summary,
    '',
    'options:',
  ];
  const all: Record<string, OptionSpec> = {
    ...command.options,
    help: { type: 'boolean', description: '顯示說明 Show this help' },
  };
  for (const [name, spec] of Object.entries(all)) {
    const flag = `--${name}${spec.type === 'string' ? ' <value>' : ''}`;
    const fallback = spec.default !== undefined ? ` (default: ${String(spec.default)})` : '';
    lines.push(`  ${flag.padEnd(26)} ${spec.description}${fallback}`);
  }
  return lines.join('\n');
}
