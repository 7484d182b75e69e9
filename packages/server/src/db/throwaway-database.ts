import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A database created for one run on a PostgreSQL server (tests, benchmarks) and dropped after: the
 * server's URL with that database's name, and the function that drops it.
 */
export async function createThrowawayDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // node-postgres's pool.end() resolves before its connections have finished closing; forcing the drop at
  // once would kill them mid-goodbye (an error event after the test). Wait for them first, briefly.
  const drop = async () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        return await run(`DROP DATABASE IF EXISTS ${name}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error; // 55006: still in use
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return { url: url.toString(), drop };
}
