import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.ts';
import type { IdentityServices } from '../../identity/services.ts';

/** 施政計畫與預算 The annual plan, its budget per program and its execution from payments. */
export const budgetRoutes =
  (_deps: { database: Database; identity: IdentityServices }): FastifyPluginAsyncTypebox =>
  async (_app) => {};
