import type { Actor } from '@safetynet/core/authz/actor';
import { permits } from '@safetynet/core/authz/policy';
import type { ProtectionCaseReach } from '@safetynet/core/authz/scope';
import type { Expression, Kysely, Selectable, SqlBool } from 'kysely';
import type { ProtectionCaseTable, Schema } from '../db/schema.ts';

/**
 * 保護個案 Protection cases as stored, and the need-to-know rule of `protectionAccess` (core) written as
 * SQL for the list: a list never shows a case that opening it would refuse, nor hides one it would show.
 */
export interface ProtectionCaseRow extends Selectable<ProtectionCaseTable> {
  /** The assigned worker's team today (their supervisor's). */
  assigned_team_id: string | null;
}

/** What a list shows: no summary and no subject, only what tells the cases apart. */
export type ProtectionCaseListItem = Pick<
  Selectable<ProtectionCaseTable>,
  'case_id' | 'kind' | 'district_code' | 'status' | 'reported_at' | 'assigned_at' | 'closed_at'
>;

export class ProtectionCaseRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  private withTeam(db: Kysely<Schema>) {
    return db
      .selectFrom('protection_case as c')
      .leftJoin('account as w', 'w.account_id', 'c.assigned_worker_id')
      .selectAll('c')
      .select('w.team_id as assigned_team_id');
  }

  async byId(caseId: string, db: Kysely<Schema> = this.db): Promise<ProtectionCaseRow | undefined> {
    return this.withTeam(db).where('c.case_id', '=', caseId).executeTakeFirst();
  }

  /** Locks the case row for a change (its status is read and written in one transaction). */
  async forUpdate(trx: Kysely<Schema>, caseId: string): Promise<ProtectionCaseRow | undefined> {
    await trx
      .selectFrom('protection_case')
      .select('case_id')
      .where('case_id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    return this.byId(caseId, trx);
  }

  /** The end of this account's latest break-glass grant on the case still running at `now`, if any. */
  async breakGlassUntil(accountId: string, caseId: string, now: Date): Promise<Date | null> {
    const grant = await this.db
      .selectFrom('break_glass_grant')
      .select('expires_at')
      .where('account_id', '=', accountId)
      .where('case_id', '=', caseId)
      .where('expires_at', '>', now)
      .orderBy('expires_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return grant ? new Date(grant.expires_at) : null;
  }

  /** The case as `protectionAccess` sees it for this actor at `now`. */
  async reachOf(row: ProtectionCaseRow, actor: Actor, now: Date): Promise<ProtectionCaseReach> {
    return {
      status: row.status,
      assignedWorkerId: row.assigned_worker_id,
      assignedTeamId: row.assigned_team_id,
      breakGlassUntil: actor.id ? await this.breakGlassUntil(actor.id, row.case_id, now) : null,
    };
  }

  /** The cases this actor may open at `now`, newest report first, filtered in the query. */
  async visibleTo(
    actor: Actor,
    now: Date,
    page: { limit: number; offset: number },
  ): Promise<{ items: ProtectionCaseListItem[]; total: number }> {
    if (actor.kind !== 'staff' || !permits(actor, 'protection:read')) return { items: [], total: 0 };
    const visible = this.db
      .selectFrom('protection_case as c')
      .leftJoin('account as w', 'w.account_id', 'c.assigned_worker_id')
      .where((eb) => {
        // The same grounds, in the same order, as protectionAccess.
        const grounds: Expression<SqlBool>[] = [eb('c.assigned_worker_id', '=', actor.id)];
        if (actor.role === 'supervisor' && actor.teamId !== null)
          grounds.push(eb('w.team_id', '=', actor.teamId));
        if (actor.intake) grounds.push(eb('c.status', '=', 'reported'));
        grounds.push(
          eb.exists(
            eb
              .selectFrom('break_glass_grant as g')
              .select('g.grant_id')
              .whereRef('g.case_id', '=', 'c.case_id')
              .where('g.account_id', '=', actor.id)
              .where('g.expires_at', '>', now),
          ),
        );
        return eb.or(grounds);
      });
    const [items, count] = await Promise.all([
      visible
        .select([
          'c.case_id',
          'c.kind',
          'c.district_code',
          'c.status',
          'c.reported_at',
          'c.assigned_at',
          'c.closed_at',
        ])
        .orderBy('c.reported_at', 'desc')
        .orderBy('c.case_id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      visible.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
