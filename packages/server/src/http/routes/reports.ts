import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.ts';
import type { IdentityServices } from '../../identity/services.ts';

/** 報告 Reports: the half-year work report (工作報告) generated from the system’s own records. */
export const reportRoutes =
  (_deps: { database: Database; identity: IdentityServices }): FastifyPluginAsyncTypebox =>
  async (_app) => {};
