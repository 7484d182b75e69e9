import { findDistrict } from '@safetynet/core/districts';
import type { Database } from '../../db/database.ts';
import type { IdProtector } from '../../identity/id-protector.ts';
import type { RegistryCommands } from '../../registry/commands.ts';
import { RegistryError } from '../../registry/errors.ts';
import type { HouseholdRepository } from '../../registry/households.ts';
import type { PersonRepository } from '../../registry/persons.ts';
import type { RegistryGuard } from '../registry-guard.ts';

/** What route handlers use: the database, the repositories and the commands. */
export interface RouteContext {
  database: Database;
  protector: IdProtector;
  persons: PersonRepository;
  households: HouseholdRepository;
  commands: RegistryCommands;
  guard: RegistryGuard;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A district given by code, Chinese or English name → its code; a clear 400 otherwise. */
export function districtCodeOf(query: string, field: string): string {
  const district = findDistrict(query);
  if (!district) {
    throw new RegistryError(
      400,
      `${field}：找不到此行政區 ${query}`,
      `${field}: no such Kaohsiung district: ${query}`,
      field,
    );
  }
  return district.code;
}

export function pageOf(query: { page?: number; pageSize?: number }): {
  page: number;
  pageSize: number;
  offset: number;
} {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function notFound(what: 'person' | 'household', id: string): RegistryError {
  return new RegistryError(
    404,
    `找不到${what === 'person' ? '個人' : '戶'}：${id}`,
    `${what} not found: ${id}`,
  );
}
