import { type Kysely, sql } from 'kysely';

/**
 * Runs a migration script statement by statement (prepared statements take one command each, on both
 * engines). Statements end with `;` at the end of a line; a function body
 * stays on one line.
 */
export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
  for (const statement of statements) await sql.raw(statement).execute(db);
}
