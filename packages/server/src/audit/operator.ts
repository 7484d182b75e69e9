import { userInfo } from 'node:os';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
import type { Database } from '../db/database.ts';
import { resolveIdKeys } from '../identity/id-keys.ts';
import { IdProtector } from '../identity/id-protector.ts';
import { type AuditContext, AuditLog, type AuditTrail } from './audit-log.ts';
import { auditChainKey } from './audit-verify.ts';

/**
 * Who acts when a command is run from the command line (an import, an export): the operating-system user
 * on the server, as the audit log names them. The command line is for operators with access to the server
 * and its keys; the API is for everyone else.
 */
export function operatorContext(purpose: string): AuditContext {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No user entry (some containers): the log still says it was the command line.
  }
  return { actor: { ...ANONYMOUS, name: `cli:${user}` }, ip: null, purpose };
}

/** The audit trail of an operator's command on this database: the log keyed by the database's ID keys. */
export function operatorTrail(database: Database, purpose: string): AuditTrail {
  const protector = new IdProtector(resolveIdKeys(process.env, database));
  return { log: new AuditLog(auditChainKey(protector)), context: operatorContext(purpose) };
}
