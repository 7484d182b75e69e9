import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db/database.ts';
import { withPoolTransaction } from '../db/pool-transaction.ts';

/** Statements and COPY writes of one transaction, on either engine. */
export interface BulkWriter {
  query(text: string, values?: unknown[]): Promise<void>;
  /** COPY text (tab-separated lines, `\N` for NULL), produced piece by piece. */
  copy(table: string, columns: readonly string[], pieces: Iterable<string>): Promise<void>;
}

/** Runs `work` in one transaction on the engine's own connection: everything lands, or nothing. */
export async function inBulkTransaction(database: Database, work: (writer: BulkWriter) => Promise<void>) {
  const statement = (table: string, columns: readonly string[]) =>
    `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  if (database.pool) {
    await withPoolTransaction(database.pool, (client) =>
      work({
        async query(text, values) {
          await client.query(text, values);
        },
        async copy(table, columns, pieces) {
          const stream = client.query(copyFrom(statement(table, columns)));
          for (const piece of pieces) if (!stream.write(piece)) await once(stream, 'drain');
          stream.end();
          await once(stream, 'finish');
        },
      }),
    );
  } else if (database.pglite) {
    await database.pglite.transaction(async (tx) => {
      await work({
        async query(text, values) {
          await tx.query(text, values);
        },
        async copy(table, columns, pieces) {
          const sql = statement(table, columns).replace('FROM STDIN', "FROM '/dev/blob'");
          await tx.query(sql, [], { blob: new Blob([...pieces]) });
        },
      });
    });
  }
}
