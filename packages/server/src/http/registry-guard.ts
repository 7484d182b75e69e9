import type { Permission } from '@safetynet/core/authz/policy';
import { type RecordReach, reaches, registryScope } from '@safetynet/core/authz/scope';
import type { FastifyRequest } from 'fastify';
import type { RawBuilder } from 'kysely';
import { outOfScope } from '../api-error.ts';
import type { AuditLog, AuditTrail } from '../audit/audit-log.ts';
import {
  householdReach,
  householdsInScope,
  personReach,
  personsInScope,
} from '../authz/registry-scope-sql.ts';
import type { Database } from '../db/database.ts';
import { RegistryError } from '../registry/errors.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Record-level checks for the registry routes: which records this request's actor reaches with a
 * permission (their district, caseload or household, today), for one record and for a list. A refusal is
 * written to the audit log.
 */
export class RegistryGuard {
  constructor(
    private readonly database: Database,
    readonly audit: AuditLog,
  ) {}

  /** The audit trail a command appends its change to, in its own transaction. */
  trail(request: FastifyRequest): AuditTrail {
    return { log: this.audit, context: request.audit };
  }

  /** `SELECT person_id …` of the persons the actor may list, or undefined when they reach everyone. */
  personsWithin(request: FastifyRequest, permission: Permission): RawBuilder<unknown> | undefined {
    return personsInScope(registryScope(request.actor, permission), today());
  }

  householdsWithin(request: FastifyRequest, permission: Permission): RawBuilder<unknown> | undefined {
    return householdsInScope(registryScope(request.actor, permission), today());
  }

  async person(request: FastifyRequest, personId: string, permission: Permission): Promise<void> {
    const reach = await personReach(this.database.db, personId, today());
    if (!reach) throw new RegistryError(404, `找不到個人：${personId}`, `person not found: ${personId}`);
    await this.check(request, permission, reach, 'person', personId);
  }

  async household(request: FastifyRequest, householdId: string, permission: Permission): Promise<void> {
    const reach = await householdReach(this.database.db, householdId, today());
    if (!reach)
      throw new RegistryError(404, `找不到戶：${householdId}`, `household not found: ${householdId}`);
    await this.check(request, permission, reach, 'household', householdId);
  }

  /**
   * A person put into a household (a new one, or as a new member): the actor must reach them already, unless
   * the city holds nothing about where they belong (no district, no household: someone moving in).
   * Otherwise a clerk could pull anyone into a household of their district and so into their reach.
   */
  async member(request: FastifyRequest, personId: string, permission: Permission): Promise<void> {
    const reach = await personReach(this.database.db, personId, today());
    if (!reach)
      throw new RegistryError(
        404,
        `找不到個人：${personId}`,
        `person not found: ${personId}`,
        'body.personId',
      );
    if (reach.districts.length === 0 && reach.memberPersonIds.length <= 1) return;
    await this.check(request, permission, reach, 'person', personId);
  }

  /** Whether the actor may act on an existing person (the same rule as `member`), without refusing. */
  async mayTouch(request: FastifyRequest, personId: string, permission: Permission): Promise<boolean> {
    const reach = await personReach(this.database.db, personId, today());
    if (!reach) return false;
    if (reach.districts.length === 0 && reach.memberPersonIds.length <= 1) return true;
    return reaches(registryScope(request.actor, permission), reach);
  }

  /**
   * A new record placed in these districts: the actor must work in one of them. A person registered in no
   * district of the city (living elsewhere, about to join a household here) any holder may record.
   */
  async districts(request: FastifyRequest, permission: Permission, codes: (string | null | undefined)[]) {
    const districts = codes.filter((code): code is string => typeof code === 'string');
    if (districts.length === 0) return;
    const reach: RecordReach = { districts, caseloadWorkerIds: [], caseloadTeamIds: [], memberPersonIds: [] };
    await this.check(request, permission, reach, 'district', districts.join(',') || null);
  }

  private async check(
    request: FastifyRequest,
    permission: Permission,
    reach: RecordReach,
    recordType: string,
    recordId: string | null,
  ): Promise<void> {
    if (reaches(registryScope(request.actor, permission), reach)) return;
    await this.audit.appendAlone(this.database.db, request.audit, [
      { action: 'denied', recordType, recordId, details: { policy: permission } },
    ]);
    throw outOfScope();
  }
}
