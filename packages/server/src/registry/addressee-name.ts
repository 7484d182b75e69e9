import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The name a notice is addressed to: the person's newest recorded name (empty if none is recorded). */
export async function addresseeName(db: Kysely<Schema>, personId: string): Promise<string> {
  const row = await db
    .selectFrom('person_version')
    .select('name_zh')
    .where('person_id', '=', personId)
    .orderBy('valid_from', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.name_zh ?? '';
}
