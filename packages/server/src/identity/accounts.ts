import { randomUUID } from 'node:crypto';
import { type Actor, isRole, type Role } from '@safetynet/core/authz/actor';
import type { Kysely, Selectable } from 'kysely';
import type { AccountTable, Schema } from '../db/schema.ts';

export type AccountRow = Selectable<AccountTable>;

/** An account as the API shows it (never the password hash). */
export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  districts: string[];
  programs: string[];
  teamId: string | null;
  intake: boolean;
  facilityRef: string | null;
  personId: string | null;
  locked: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string | null;
  districts?: string[];
  programs?: string[];
  teamId?: string | null;
  intake?: boolean;
  facilityRef?: string | null;
  personId?: string | null;
  oidcSubject?: string | null;
}

/** The actor an account acts as: what its role and its columns let the policies see. */
export function actorOf(account: AccountRow): Actor {
  if (!isRole(account.role))
    throw new Error(`account ${account.account_id} has an unknown role ${account.role}`);
  if (account.role === 'citizen') {
    if (!account.person_id) throw new Error(`citizen account ${account.account_id} has no person`);
    return {
      kind: 'citizen',
      id: account.account_id,
      name: account.username,
      role: 'citizen',
      personId: account.person_id,
    };
  }
  return {
    kind: 'staff',
    id: account.account_id,
    name: account.username,
    role: account.role,
    districts: account.districts,
    programs: account.programs,
    teamId: account.team_id,
    intake: account.intake,
    facilityRef: account.facility_ref,
  };
}

export function accountView(account: AccountRow, now: Date): AccountView {
  return {
    id: account.account_id,
    username: account.username,
    displayName: account.display_name,
    role: account.role as Role,
    districts: account.districts,
    programs: account.programs,
    teamId: account.team_id,
    intake: account.intake,
    facilityRef: account.facility_ref,
    personId: account.person_id,
    locked: account.locked_until !== null && account.locked_until.getTime() > now.getTime(),
    disabled: account.disabled_at !== null,
    createdAt: account.created_at.toISOString(),
  };
}

/** Reads and writes of accounts (the account aggregate); callers pass the transaction to write in. */
export class AccountRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  byUsername(username: string, db: Kysely<Schema> = this.db): Promise<AccountRow | undefined> {
    return db
      .selectFrom('account')
      .selectAll()
      .where('username', '=', username.toLowerCase())
      .executeTakeFirst();
  }

  byId(accountId: string, db: Kysely<Schema> = this.db): Promise<AccountRow | undefined> {
    return db.selectFrom('account').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  }

  byOidcSubject(subject: string, db: Kysely<Schema> = this.db): Promise<AccountRow | undefined> {
    return db.selectFrom('account').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
  }

  byPerson(personId: string, db: Kysely<Schema> = this.db): Promise<AccountRow | undefined> {
    return db.selectFrom('account').selectAll().where('person_id', '=', personId).executeTakeFirst();
  }

  list(db: Kysely<Schema> = this.db): Promise<AccountRow[]> {
    return db.selectFrom('account').selectAll().orderBy('username').execute();
  }

  async insert(trx: Kysely<Schema>, account: NewAccount): Promise<AccountRow> {
    return trx
      .insertInto('account')
      .values({
        account_id: randomUUID(),
        username: account.username.toLowerCase(),
        display_name: account.displayName,
        role: account.role,
        password_hash: account.passwordHash,
        districts: JSON.stringify(account.districts ?? []),
        programs: JSON.stringify(account.programs ?? []),
        team_id: account.teamId ?? null,
        intake: account.intake ?? false,
        facility_ref: account.facilityRef ?? null,
        person_id: account.personId ?? null,
        oidc_subject: account.oidcSubject ?? null,
        password_changed_at: account.passwordHash ? new Date() : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
