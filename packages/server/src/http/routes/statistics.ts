import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.ts';
import type { IdentityServices } from '../../identity/services.ts';

/** 統計 Statistics: trends, district comparison, recipients by age and sex; CSV, XLSX and open data. */
export const statisticsRoutes =
  (_deps: { database: Database; identity: IdentityServices }): FastifyPluginAsyncTypebox =>
  async (_app) => {};
