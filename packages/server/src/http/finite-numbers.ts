import type { FastifyInstance } from 'fastify';
import { ApiError } from '../api-error.ts';

/**
 * Ajv lets Infinity through `integer` with a `maximum` (a 400-digit query value is coerced to it, and JSON's
 * 1e400 parses to it), and the database then fails on it. After validation, any non-finite number in the
 * query or body is refused with a 400 naming the field.
 */
function firstNonFinite(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = firstNonFinite(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function refuseNonFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const field = firstNonFinite(request.query, 'querystring') ?? firstNonFinite(request.body, 'body');
    if (field)
      throw new ApiError(400, `${field}：數值超出範圍`, `${field}: the number is out of range`, field);
  });
}
