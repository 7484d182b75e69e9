import { KAOHSIUNG_DISTRICTS } from '@safetynet/core/districts';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

/** Reference data every database needs (idempotent): the 38 districts. */
export async function seedReferenceData(db: Kysely<Schema>): Promise<void> {
  await db
    .insertInto('district')
    .values(
      KAOHSIUNG_DISTRICTS.map((d) => ({
        code: d.code,
        name_zh: d.nameZh,
        name_en: d.nameEn,
        postal_code: d.postalCode,
        registered_population: d.registeredPopulation,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name_zh: eb.ref('excluded.name_zh'),
        name_en: eb.ref('excluded.name_en'),
        postal_code: eb.ref('excluded.postal_code'),
        registered_population: eb.ref('excluded.registered_population'),
      })),
    )
    .execute();
}
